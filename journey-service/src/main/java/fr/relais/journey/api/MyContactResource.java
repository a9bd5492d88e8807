package fr.relais.journey.api;

import fr.relais.journey.service.MyContacts;
import fr.relais.journey.service.PersonViews;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * A citizen's own contact details and message consents (the portal, through the gateway, with her token): those of
 * the person record linked to her account.
 */
@Path("/persons/me/contact")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("citizen")
public class MyContactResource {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @Inject
    MyContacts contacts;

    /** Her contact and consents; {@code hasPerson} false (and no consent) while her account has no person record. */
    @GET
    public Uni<PersonViews.MyContact> mine() {
        return contacts.mine(Callers.actor(identity, token));
    }

    /** Replaces her contact and consents; creates her person record (names from her account) if she has none. */
    @APIResponse(responseCode = "400", description = "A field to fix, or a consent to a channel without its contact (invalid-contact)")
    @APIResponse(responseCode = "409", description = "A person with her names and this birth date is already recorded: she attaches a journey with its resume code instead")
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<PersonViews.MyContact> change(PersonViews.ContactChange change) {
        return contacts.change(change, Callers.actor(identity, token), Callers.text(token, "given_name"),
                Callers.text(token, "family_name"));
    }
}
