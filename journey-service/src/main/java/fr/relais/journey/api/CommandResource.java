package fr.relais.journey.api;

import fr.relais.events.journey.CommandOutcome;
import fr.relais.journey.service.CommandOutcomes;
import fr.relais.problem.ProblemException;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.UUID;

/**
 * A decided command's outcome, for the gateway polling on behalf of the caller (their token propagated). Only the
 * caller who issued the command gets it: for anyone else it does not exist (404, the same as an unknown id).
 */
@Path("/commands")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class CommandResource {

    @Inject
    JsonWebToken token;

    @Inject
    CommandOutcomes outcomes;

    @GET
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "The command's outcome, as published on journey.outcomes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommandOutcome.class)))
    @APIResponse(responseCode = "404", description = "No decided command of the caller with this id (not decided yet, unknown, or someone else's)")
    public Uni<Response> outcome(@PathParam("id") UUID id) {
        return outcomes.of(id, token.getSubject()).map(json -> json
                .map(outcome -> Response.ok(outcome, MediaType.APPLICATION_JSON).build())
                .orElseThrow(() -> ProblemException.notFound("no decided command " + id + " of yours")));
    }
}
