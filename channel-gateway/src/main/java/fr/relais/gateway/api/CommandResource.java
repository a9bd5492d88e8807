package fr.relais.gateway.api;

import fr.relais.gateway.commands.CommandGateway;
import fr.relais.gateway.commands.CommandResponses;
import fr.relais.problem.ProblemException;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

import static fr.relais.gateway.api.OpenApiDocument.*;

/** Where a 202 points: the outcome of a recent command of the caller, once journey-service has decided it. */
@Tag(name = COMMON)
@APIResponse(responseCode = "400", ref = BAD_REQUEST)
@APIResponse(responseCode = "401", ref = UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = FORBIDDEN)
@Path("/api/commands")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class CommandResource {

    @Inject
    CommandGateway gateway;

    @Inject
    JsonWebToken token;

    @APIResponse(responseCode = "404", ref = NOT_FOUND)
    @GET
    @Path("/{id}")
    @APIResponse(responseCode = "200", ref = COMMAND_ACCEPTED)
    @APIResponse(responseCode = "202", ref = COMMAND_PENDING)
    @APIResponse(responseCode = "409", ref = CONFLICT)
    @APIResponse(responseCode = "422", ref = UNPROCESSABLE)
    public Response outcome(@PathParam("id") UUID id) {
        return gateway.poll(id, token.getSubject()).map(CommandResponses::of)
                .orElseThrow(() -> new ProblemException(404, "unknown-command", "Unknown command",
                        "no recent command " + id + " of yours"));
    }
}
