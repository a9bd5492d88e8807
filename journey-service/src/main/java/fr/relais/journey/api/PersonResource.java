package fr.relais.journey.api;

import fr.relais.journey.service.PersonRecords;
import fr.relais.journey.service.PersonViews;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

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
}
