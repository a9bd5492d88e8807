package fr.relais.journey.api;

import fr.relais.journey.service.CallbackViews;
import fr.relais.journey.service.Callbacks;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.List;
import java.util.UUID;

/** The phone platform's call backs: the queue by due time, taking one, recording each attempt. */
@Path("/callbacks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("phone-agent")
public class CallbackResource {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @Inject
    Callbacks callbacks;

    @GET
    public Uni<List<CallbackViews.Entry>> queue() {
        return callbacks.queue(Callers.actor(identity, token));
    }

    @APIResponse(responseCode = "409", description = "Another agent is calling this citizen back")
    @POST
    @Path("/{id}/take")
    public Uni<CallbackViews.Entry> take(@PathParam("id") UUID id) {
        return callbacks.take(id, Callers.actor(identity, token));
    }

    @APIResponse(responseCode = "409", description = "The call back is not taken by this agent")
    @POST
    @Path("/{id}/attempts")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<CallbackViews.AttemptResult> attempt(@PathParam("id") UUID id, CallbackViews.Attempt attempt) {
        return callbacks.attempt(id, attempt, Callers.actor(identity, token));
    }
}
