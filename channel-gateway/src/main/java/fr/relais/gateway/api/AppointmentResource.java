package fr.relais.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import fr.relais.gateway.downstream.AppointmentServiceClient;
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
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.Set;
import java.util.UUID;

/**
 * Appointments through the one public API: slots, hold (10 minutes), confirm, cancel, reschedule, check-in.
 * appointment-service decides who may do what with the caller's token (a citizen for their own journey,
 * an agent or mediator for a citizen's).
 */
@Path("/api/appointments")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AppointmentResource {

    private static final Set<String> ACTIONS = Set.of("confirm", "cancel", "reschedule", "check-in");

    @Inject
    @RestClient
    AppointmentServiceClient appointments;

    @GET
    @Path("/sites")
    public Uni<JsonNode> sites(@QueryParam("department") String department) {
        return appointments.sites(department);
    }

    @GET
    @Path("/motifs")
    public Uni<JsonNode> motifs() {
        return appointments.motifs();
    }

    @GET
    @Path("/availability")
    public Uni<JsonNode> availability(@QueryParam("motif") String motif, @QueryParam("sites") String sites,
                                      @QueryParam("department") String department, @QueryParam("from") String from,
                                      @QueryParam("to") String to) {
        return appointments.availability(motif, sites, department, from, to);
    }

    @POST
    @Path("/bookings")
    public Uni<Response> hold(JsonNode body) {
        return appointments.hold(body == null ? JsonNodeFactory.instance.objectNode() : body)
                .map(held -> Response.status(held.getStatus()).entity(held.readEntity(JsonNode.class)).build());
    }

    @GET
    @Path("/bookings/mine")
    public Uni<JsonNode> mine() {
        return appointments.mine();
    }

    @GET
    @Path("/bookings")
    public Uni<JsonNode> ofJourney(@QueryParam("journeyId") UUID journeyId) {
        return appointments.ofJourney(journeyId);
    }

    @GET
    @Path("/bookings/{id}")
    public Uni<JsonNode> booking(@PathParam("id") UUID id) {
        return appointments.booking(id);
    }

    @POST
    @Path("/bookings/{id}/{action}")
    public Uni<JsonNode> act(@PathParam("id") UUID id, @PathParam("action") String action, JsonNode body) {
        if (!ACTIONS.contains(action)) {
            throw new ProblemException(404, "not-found", "Not found", "no booking action '" + action + "'; one of " + ACTIONS);
        }
        return appointments.act(id, action, body == null ? JsonNodeFactory.instance.objectNode() : body);
    }
}
