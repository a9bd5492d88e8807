package fr.relais.journey.api;

import fr.relais.journey.service.PersonRecords;
import fr.relais.journey.service.PersonViews;
import fr.relais.journey.service.StaffConsents;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.UUID;

/**
 * Person records for citizens who never go online: a counter agent records one after an identity check, a phone agent
 * on a call (declared, not checked); both find one by exact names and birth date. Called by the gateway with the
 * agent's own token.
 */
@Path("/persons")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"counter-agent", "phone-agent"})
public class PersonResource {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @Inject
    PersonRecords persons;

    @Inject
    StaffConsents consents;

    @APIResponse(responseCode = "201", description = "Recorded")
    @APIResponse(responseCode = "409", description = "A person with these names and birth date is already recorded")
    @POST
    public Uni<Response> create(PersonViews.Draft draft) {
        return persons.create(draft, Callers.actor(identity, token))
                .map(person -> Response.status(Response.Status.CREATED).entity(person).build());
    }

    @POST
    @Path("/search")
    public Uni<PersonViews.Person> search(PersonViews.Search search) {
        return persons.search(search, Callers.actor(identity, token));
    }

    /** Gives a consent on her word (messages-email, messages-sms, messages-letter, calls, surveys); she is then shown again. */
    @APIResponse(responseCode = "400", description = "An unknown purpose (invalid-field)")
    @APIResponse(responseCode = "404", description = "Not a person this agent found by names and birth date in the last half hour (person-not-found)")
    @APIResponse(responseCode = "409", description = "The purpose's contact is missing (contact-missing)")
    @PUT
    @Path("/{id}/consents/{purpose}")
    public Uni<PersonViews.Person> giveConsent(@PathParam("id") UUID id, @PathParam("purpose") String purpose) {
        return consents.change(id, purpose, true, Callers.actor(identity, token));
    }

    /** Withdraws a consent on her word, from now on. */
    @APIResponse(responseCode = "400", description = "An unknown purpose (invalid-field)")
    @APIResponse(responseCode = "404", description = "Not a person this agent found by names and birth date in the last half hour (person-not-found)")
    @DELETE
    @Path("/{id}/consents/{purpose}")
    public Uni<PersonViews.Person> withdrawConsent(@PathParam("id") UUID id, @PathParam("purpose") String purpose) {
        return consents.change(id, purpose, false, Callers.actor(identity, token));
    }
}
