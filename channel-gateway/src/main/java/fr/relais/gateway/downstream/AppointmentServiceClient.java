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
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * appointment-service's booking API, called with the caller's own token: holding a slot is a decision
 * only appointment-service can take, and the caller must hear it at once (ARCHITECTURE.md).
 * Request bodies stay JSON trees (appointment-service validates them and answers with its own problems); answers are
 * read into the gateway's own records ({@link BookingAnswers}).
 */
@RegisterRestClient(configKey = "appointment-service")
@RegisterClientHeaders
@Timeout
@CircuitBreaker
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface AppointmentServiceClient {

    @GET
    @Retry
    @Path("/sites")
    Uni<List<BookingAnswers.Site>> sites(@QueryParam("department") String department);

    @GET
    @Retry
    @Path("/motifs")
    Uni<List<BookingAnswers.Motif>> motifs();

    @GET
    @Retry
    @Path("/availability")
    Uni<List<BookingAnswers.Slot>> availability(@QueryParam("motif") String motif, @QueryParam("sites") String sites,
                               @QueryParam("department") String department, @QueryParam("from") String from,
                               @QueryParam("to") String to);

    @POST
    @Path("/bookings")
    /** 201 with the held {@link BookingAnswers.Booking} (the status is relayed as it is). */
    Uni<Response> hold(JsonNode body);

    @GET
    @Retry
    @Path("/bookings/mine")
    Uni<List<BookingAnswers.Booking>> mine();

    @GET
    @Retry
    @Path("/bookings")
    Uni<List<BookingAnswers.Booking>> ofJourney(@QueryParam("journeyId") UUID journeyId);

    @GET
    @Retry
    @Path("/bookings/{id}")
    Uni<BookingAnswers.Booking> booking(@PathParam("id") UUID id);

    /** @param action confirm, cancel, reschedule or check-in */
    @POST
    @Path("/bookings/{id}/{action}")
    Uni<BookingAnswers.Booking> act(@PathParam("id") UUID id, @PathParam("action") String action, JsonNode body);

    /** Checks in the journey's confirmed appointment at the caller's site today; 404 when there is none. */
    @POST
    @Path("/check-ins")
    Uni<BookingAnswers.Booking> checkIn(Map<String, UUID> body);

    @GET
    @Retry
    @Path("/sites/{site}/day-sheet")
    Uni<List<BookingAnswers.Booking>> daySheet(@PathParam("site") String site, @QueryParam("date") String date);
}
