package fr.relais.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import fr.relais.gateway.downstream.AppointmentServiceClient;
import fr.relais.gateway.downstream.BookingAnswers;
import fr.relais.problem.ProblemException;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static fr.relais.gateway.api.OpenApiDocument.*;

/**
 * Appointments through the one public API: slots, hold (10 minutes), confirm, cancel, reschedule, check-in.
 * appointment-service decides who may do what with the caller's token (a citizen for their own journey,
 * an agent or mediator for a citizen's).
 */
@Tag(name = APPOINTMENTS)
@Path("/api/appointments")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AppointmentResource {

    private static final Set<String> ACTIONS = Set.of("confirm", "cancel", "reschedule", "check-in");

    @Inject
    @RestClient
    AppointmentServiceClient appointments;

    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = BookingAnswers.Site.class)))
    @GET
    @Path("/sites")
    public Uni<List<BookingAnswers.Site>> sites(@QueryParam("department") String department) {
        return appointments.sites(department);
    }

    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = BookingAnswers.Motif.class)))
    @GET
    @Path("/motifs")
    public Uni<List<BookingAnswers.Motif>> motifs() {
        return appointments.motifs();
    }

    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = BookingAnswers.Slot.class)))
    @GET
    @Path("/availability")
    public Uni<List<BookingAnswers.Slot>> availability(@QueryParam("motif") String motif, @QueryParam("sites") String sites,
                                      @QueryParam("department") String department, @QueryParam("from") String from,
                                      @QueryParam("to") String to) {
        return appointments.availability(motif, sites, department, from, to);
    }

    @APIResponse(responseCode = "201", description = "The slot is held for 10 minutes: confirm it",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BookingAnswers.Booking.class)))
    @APIResponse(responseCode = "409")
    @APIResponse(responseCode = "404")
    @APIResponse(responseCode = "422")
    @POST
    @Path("/bookings")
    // on the method, not the parameter: the Idempotency-Key check finds the body as the one unannotated parameter
    @RequestBody(content = @Content(mediaType = "application/json", schema = @Schema(implementation = BookingAnswers.HoldRequest.class)))
    public Uni<Response> hold(JsonNode body) {
        return appointments.hold(body == null ? JsonNodeFactory.instance.objectNode() : body)
                .map(held -> Response.status(held.getStatus()).entity(held.readEntity(BookingAnswers.Booking.class)).build());
    }

    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = BookingAnswers.Booking.class)))
    @GET
    @Path("/bookings/mine")
    public Uni<List<BookingAnswers.Booking>> mine() {
        return appointments.mine();
    }

    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = BookingAnswers.Booking.class)))
    @APIResponse(responseCode = "404")
    @GET
    @Path("/bookings")
    public Uni<List<BookingAnswers.Booking>> ofJourney(@QueryParam("journeyId") UUID journeyId) {
        return appointments.ofJourney(journeyId);
    }

    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BookingAnswers.Booking.class)))
    @GET
    @Path("/bookings/{id}")
    public Uni<BookingAnswers.Booking> booking(@PathParam("id") UUID id) {
        return appointments.booking(id);
    }

    @APIResponse(responseCode = "409")
    @APIResponse(responseCode = "422")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BookingAnswers.Booking.class)))
    @POST
    @Path("/bookings/{id}/{action}")
    public Uni<BookingAnswers.Booking> act(@PathParam("id") UUID id, @PathParam("action") String action, JsonNode body) {
        if (!ACTIONS.contains(action)) {
            throw new ProblemException(404, "not-found", "Not found", "no booking action '" + action + "'; one of " + ACTIONS);
        }
        return appointments.act(id, action, body == null ? JsonNodeFactory.instance.objectNode() : body);
    }
}
