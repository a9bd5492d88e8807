package fr.relais.gateway.downstream;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.Map;
import java.util.UUID;

/**
 * appointment-service's booking API, called with the caller's own token: holding a slot is a decision
 * only appointment-service can take, and the caller must hear it at once (ARCHITECTURE.md).
 * Bodies stay JSON trees: appointment-service validates them and answers with its own problems.
 */
@RegisterRestClient(configKey = "appointment-service")
@RegisterClientHeaders
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface AppointmentServiceClient {

    @GET
    @Path("/sites")
    Uni<JsonNode> sites(@QueryParam("department") String department);

    @GET
    @Path("/motifs")
    Uni<JsonNode> motifs();

    @GET
    @Path("/availability")
    Uni<JsonNode> availability(@QueryParam("motif") String motif, @QueryParam("sites") String sites,
                               @QueryParam("department") String department, @QueryParam("from") String from,
                               @QueryParam("to") String to);

    @POST
    @Path("/bookings")
    Uni<Response> hold(JsonNode body);

    @GET
    @Path("/bookings/mine")
    Uni<JsonNode> mine();

    @GET
    @Path("/bookings")
    Uni<JsonNode> ofJourney(@QueryParam("journeyId") UUID journeyId);

    @GET
    @Path("/bookings/{id}")
    Uni<JsonNode> booking(@PathParam("id") UUID id);

    /** @param action confirm, cancel, reschedule or check-in */
    @POST
    @Path("/bookings/{id}/{action}")
    Uni<JsonNode> act(@PathParam("id") UUID id, @PathParam("action") String action, JsonNode body);

    /** Checks in the journey's confirmed appointment at the caller's site today; 404 when there is none. */
    @POST
    @Path("/check-ins")
    Uni<JsonNode> checkIn(Map<String, UUID> body);

    @GET
    @Path("/sites/{site}/day-sheet")
    Uni<JsonNode> daySheet(@PathParam("site") String site, @QueryParam("date") String date);
}
