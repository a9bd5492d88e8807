package fr.relais.journey.api;

import fr.relais.journey.service.CorrectionViews;
import fr.relais.journey.service.Corrections;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.List;

/** "Corriger": the citizen asks for her names or birth date to be corrected, and follows her requests. */
@Path("/persons/me/corrections")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("citizen")
public class MyCorrectionResource {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @Inject
    Corrections corrections;

    @GET
    public Uni<List<CorrectionViews.Mine>> mine() {
        return corrections.mine(Callers.actor(identity, token));
    }

    @APIResponse(responseCode = "201", description = "Asked: a counter agent decides it with her identity document")
    @APIResponse(responseCode = "400", description = "An unknown field, or a value to fix")
    @APIResponse(responseCode = "409", description = "No person record is linked to her account (no-person-record)")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> ask(CorrectionViews.Request request) {
        return corrections.ask(request, Callers.actor(identity, token))
                .map(mine -> Response.status(Response.Status.CREATED).entity(mine).build());
    }
}
