package fr.relais.gateway.api;

import fr.relais.gateway.commands.CommandPolls;
import fr.relais.gateway.commands.CommandResponses;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

import static fr.relais.gateway.api.OpenApiDocument.*;

/** Where a 202 points: the outcome of a command of the caller once journey-service has decided it, on any instance. */
@Tag(name = COMMON)
@Path("/api/commands")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class CommandResource {

    @Inject
    CommandPolls polls;

    @Inject
    JsonWebToken token;

    @GET
    @Path("/{id}")
    @APIResponse(responseCode = "200", ref = COMMAND_ACCEPTED)
    @APIResponse(responseCode = "202", ref = COMMAND_PENDING)
    // the command's outcome: refused by the journey's state, or for its answers
    @APIResponse(responseCode = "409")
    @APIResponse(responseCode = "422")
    public Uni<Response> outcome(@PathParam("id") UUID id) {
        return polls.poll(id, token.getSubject()).map(CommandResponses::of);
    }
}
