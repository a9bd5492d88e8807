package fr.relais.gateway.api;

import fr.relais.events.channel.Channel;
import fr.relais.events.journey.Actor;
import fr.relais.events.journey.VerifyCaller;
import fr.relais.gateway.commands.CommandIds;
import fr.relais.gateway.config.GatewayConfig;
import fr.relais.gateway.downstream.JourneyAnswers;
import fr.relais.gateway.downstream.JourneyServiceClient;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.relais.gateway.api.OpenApiDocument.*;

/**
 * The phone agent's console: verify the caller (resume code + check value; journey-service locks a code
 * after repeated wrong values), then, during the time box only, read the journey and act on phone steps.
 */
@Tag(name = PHONE)
@Path("/api/phone")
@RolesAllowed("phone-agent")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PhoneResource {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @Inject
    @RestClient
    JourneyServiceClient journeys;

    @Inject
    JourneyActions actions;

    @Inject
    GatewayConfig config;

    private Actor me() {
        return Callers.actor(identity, token, Channel.PHONE);
    }

    @APIResponse(responseCode = "200", ref = COMMAND_ACCEPTED)
    @APIResponse(responseCode = "202", ref = COMMAND_PENDING)
    @APIResponse(responseCode = "404")
    @APIResponse(responseCode = "409")
    @APIResponse(responseCode = "429")
    @POST
    @Path("/verify")
    public Uni<Response> verify(@HeaderParam(CommandIds.IDEMPOTENCY_KEY) String key, Requests.ResumeCode body) {
        if (body == null || body.resumeCode() == null || body.checkValue() == null) {
            throw new IllegalArgumentException("resumeCode and checkValue are required");
        }
        Actor me = me();
        return journeys.lookup(Map.of("resumeCode", body.resumeCode(), "checkValue", body.checkValue()))
                .flatMap(found -> {
                    UUID journeyId = found.journeyId();
                    return actions.send(me, key, (id, now) -> new VerifyCaller(id, journeyId, me, now, now.plus(config.callerVerification())));
                });
    }

    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = JourneyAnswers.QueueEntry.class)))
    @GET
    @Path("/queue")
    public Uni<List<JourneyAnswers.QueueEntry>> queue() {
        return journeys.phoneQueue();
    }

    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = JourneyAnswers.Detail.class)))
    @GET
    @Path("/journeys/{id}")
    public Uni<JourneyAnswers.Detail> journey(@PathParam("id") UUID id) {
        return journeys.journey(id);
    }

    @APIResponse(responseCode = "200", ref = COMMAND_ACCEPTED)
    @APIResponse(responseCode = "202", ref = COMMAND_PENDING)
    @APIResponse(responseCode = "409")
    @POST
    @Path("/journeys/{id}/steps/{stepId}")
    public Uni<Response> submit(@HeaderParam(CommandIds.IDEMPOTENCY_KEY) String key, @PathParam("id") UUID id,
                                @PathParam("stepId") String stepId, Requests.Answers body) {
        return actions.submitStep(me(), key, id, stepId, body);
    }

    @APIResponse(responseCode = "200", ref = COMMAND_ACCEPTED)
    @APIResponse(responseCode = "202", ref = COMMAND_PENDING)
    @APIResponse(responseCode = "409")
    @POST
    @Path("/journeys/{id}/claim")
    public Uni<Response> claim(@HeaderParam(CommandIds.IDEMPOTENCY_KEY) String key, @PathParam("id") UUID id) {
        return actions.claim(me(), key, id);
    }

    /** Back to a completed step, to correct it with the caller (during the time box, as any phone action). */
    @APIResponse(responseCode = "200", ref = COMMAND_ACCEPTED)
    @APIResponse(responseCode = "202", ref = COMMAND_PENDING)
    @APIResponse(responseCode = "409")
    @POST
    @Path("/journeys/{id}/back")
    public Uni<Response> back(@HeaderParam(CommandIds.IDEMPOTENCY_KEY) String key, @PathParam("id") UUID id, Requests.GoBack body) {
        return actions.goBack(me(), key, id, body);
    }

    /** Hands the journey back to the citizen's portal. */
    @APIResponse(responseCode = "200", ref = COMMAND_ACCEPTED)
    @APIResponse(responseCode = "202", ref = COMMAND_PENDING)
    @APIResponse(responseCode = "409")
    @POST
    @Path("/journeys/{id}/release")
    public Uni<Response> release(@HeaderParam(CommandIds.IDEMPOTENCY_KEY) String key, @PathParam("id") UUID id) {
        return actions.release(me(), key, id);
    }
}
