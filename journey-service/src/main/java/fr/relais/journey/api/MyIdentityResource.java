package fr.relais.journey.api;

import fr.relais.journey.service.PivotIdentities;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The citizen's account meets her person record, from the identity FranceConnect certified (claims of her token, put
 * there by the relais realm's broker mappers): the portal calls it when she arrives signed in that way. Idempotent.
 */
@Path("/persons/me/identity")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("citizen")
public class MyIdentityResource {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @Inject
    PivotIdentities identities;

    @APIResponse(responseCode = "403", description = "She did not sign in through a certifying identity provider (identity-not-certified), or not at a certifying level (identity-level-too-low)")
    @APIResponse(responseCode = "409", description = "The person with this identity is linked to another account (person-linked-elsewhere)")
    @POST
    public Uni<PivotIdentities.Outcome> link() {
        PivotIdentities.Pivot pivot = new PivotIdentities.Pivot(Callers.text(token, "identity_provider"),
                Callers.text(token, "identity_acr"), Callers.text(token, "given_name"), Callers.text(token, "family_name"), Callers.text(token, "birthdate"));
        return identities.link(Callers.actor(identity, token), pivot);
    }
}
