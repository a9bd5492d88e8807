package fr.relais.journey.api;

import fr.relais.journey.service.ConsentViews;
import fr.relais.journey.service.MyConsents;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A citizen's consents, one purpose at a time: what is in force, since when, and every record given and withdrawn. */
@Path("/persons/me/consents")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("citizen")
public class MyConsentResource {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @Inject
    MyConsents consents;

    @GET
    public Uni<ConsentViews.Mine> mine() {
        return consents.mine(Callers.actor(identity, token));
    }

    /** Gives her consent to the purpose (messages-email, messages-sms, messages-letter, calls, surveys). */
    @APIResponse(responseCode = "400", description = "An unknown purpose (invalid-field)")
    @APIResponse(responseCode = "409", description = "No person record is linked to her account (no-person-record), or the purpose's contact is missing (contact-missing)")
    @PUT
    @Path("/{purpose}")
    public Uni<ConsentViews.Mine> give(@PathParam("purpose") String purpose) {
        return consents.give(purpose, Callers.actor(identity, token));
    }

    /** Withdraws it, from now on. */
    @APIResponse(responseCode = "400", description = "An unknown purpose (invalid-field)")
    @APIResponse(responseCode = "409", description = "No person record is linked to her account (no-person-record)")
    @DELETE
    @Path("/{purpose}")
    public Uni<ConsentViews.Mine> withdraw(@PathParam("purpose") String purpose) {
        return consents.withdraw(purpose, Callers.actor(identity, token));
    }
}
