package fr.relais.gateway.stub;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Stands in for journey-service's call-back queue in the gateway's component tests: one waiting call back
 * ({@link #WAITING}), one a colleague took ({@link #TAKEN}); anything else is not found.
 */
@Path("/stub/journey/callbacks")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class CallbacksStub {

    public static final UUID WAITING = UUID.randomUUID();
    public static final UUID TAKEN = UUID.randomUUID();
    public static final UUID JOURNEY = UUID.randomUUID();

    @GET
    public List<Map<String, Object>> queue() {
        return List.of(entry(WAITING, false, null), entry(TAKEN, true, null));
    }

    @POST
    @Path("/{id}/take")
    public Response take(@PathParam("id") UUID id) {
        if (TAKEN.equals(id)) {
            return problem(409, "callback-taken");
        }
        return WAITING.equals(id) ? Response.ok(entry(id, false, "05 55 12 34 56")).build() : problem(404, "not-found");
    }

    @POST
    @Path("/{id}/attempts")
    public Response attempt(@PathParam("id") UUID id, Map<String, String> attempt) {
        if (!WAITING.equals(id)) {
            return problem(404, "not-found");
        }
        boolean reached = "reached".equals(attempt.get("outcome"));
        return Response.ok(Map.of("callbackId", id, "journeyId", JOURNEY, "outcome", attempt.get("outcome"),
                "failedAttempts", reached ? 0 : 1, "closed", reached, "journeyStatus", reached ? "WITH_AGENT" : "HANDOFF_PENDING")).build();
    }

    private static Map<String, Object> entry(UUID id, boolean takenByOther, String phone) {
        Map<String, Object> entry = new java.util.HashMap<>(Map.of("callbackId", id, "journeyId", JOURNEY, "procedureId", "cni-renouvellement",
                "currentStep", "identite", "reasonCode", "needs-help", "windows", List.of("mardi-matin", "jeudi-apres-midi"),
                "dueAt", Instant.parse("2026-03-03T08:00:00Z").toString(), "failedAttempts", 0, "due", true, "overdue", false));
        entry.put("takenByOther", takenByOther);
        entry.put("takenByMe", phone != null);
        if (phone != null) {
            entry.put("phone", phone);
        }
        return entry;
    }

    static Response problem(int status, String type) {
        return Response.status(status).type("application/problem+json")
                .entity(Map.of("type", "https://relais.example/problems/" + type, "title", type, "status", status)).build();
    }
}
