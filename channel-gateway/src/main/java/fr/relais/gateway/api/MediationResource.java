package fr.relais.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import fr.relais.gateway.downstream.NotificationAnswers;
import fr.relais.gateway.downstream.NotificationServiceClient;
import fr.relais.gateway.downstream.JourneyServiceClient;
import fr.relais.gateway.downstream.MediationAnswers;
import fr.relais.gateway.downstream.MediationServiceClient;
import fr.relais.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static fr.relais.gateway.api.OpenApiDocument.*;

/** The mediator console's API: the pool's queue, a case with its friction explanation, claim, contact, resolve. */
@Tag(name = MEDIATION)
@Path("/api/mediation")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MediationResource {

    private static final Set<String> ACTIONS = Set.of("claim", "contacts", "resolve");

    @Inject
    @RestClient
    MediationServiceClient mediation;

    @Inject
    @RestClient
    JourneyServiceClient journeys;

    @Inject
    @RestClient
    NotificationServiceClient notifications;

    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = MediationAnswers.Case.class)))
    @GET
    @Path("/cases")
    @RolesAllowed("mediator")
    public Uni<List<MediationAnswers.Case>> queue(@QueryParam("pool") String pool) {
        return mediation.queue(pool);
    }

    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MediationAnswers.CaseDetail.class)))
    @GET
    @Path("/cases/{id}")
    @RolesAllowed("mediator")
    public Uni<MediationAnswers.CaseDetail> caseDetail(@PathParam("id") UUID id) {
        return mediation.caseDetail(id);
    }

    @APIResponse(responseCode = "409")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MediationAnswers.Case.class)))
    @POST
    @Path("/cases/{id}/{action}")
    @RolesAllowed("mediator")
    public Uni<MediationAnswers.Case> act(@PathParam("id") UUID id, @PathParam("action") String action, JsonNode body) {
        if (!ACTIONS.contains(action)) {
            throw new ProblemException(404, "not-found", "Not found", "no case action '" + action + "'; one of " + ACTIONS);
        }
        return mediation.act(id, action, body == null ? JsonNodeFactory.instance.objectNode() : body);
    }

    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MediationAnswers.Friction.class)))
    @GET
    @Path("/journeys/{journeyId}/friction")
    @RolesAllowed({"mediator", "ops"})
    public Uni<MediationAnswers.Friction> friction(@PathParam("journeyId") UUID journeyId) {
        return mediation.friction(journeyId);
    }

    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MediationAnswers.Statistics.class)))
    @GET
    @Path("/statistics")
    @RolesAllowed({"ops", "admin", "mediator"})
    public Uni<MediationAnswers.Statistics> statistics(@QueryParam("days") Integer days) {
        return mediation.statistics(days);
    }

    /**
     * Whether the journey's citizen was written to (reminded, told of a call back…): codes and times only, never the text
     * nor where it went. The journey is read first, so that only staff with a reason on it (journey-service's rule:
     * claim, presence, verified call, mandate, mediation case) learn anything of its messages; 404 otherwise.
     */
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = NotificationAnswers.JourneyMessage.class)))
    @GET
    @Path("/journeys/{journeyId}/messages")
    @RolesAllowed("mediator")
    public Uni<List<NotificationAnswers.JourneyMessage>> messages(@PathParam("journeyId") UUID id) {
        return journeys.journey(id).flatMap(journey -> notifications.ofJourney(id));
    }
}
