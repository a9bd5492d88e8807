package fr.relais.gateway.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for journey-service's query API in the gateway's component tests (the real services meet in
 * the system tests). It answers like journey-service: a journey only to its owner (404 otherwise), and a
 * resume code locked after three wrong check values.
 */
@Path("/stub/journey")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class JourneyServiceStub {

    public static final Map<UUID, String> OWNERS = new ConcurrentHashMap<>();
    public static final String CODE = "ACDEFGHJ";
    public static final UUID CODE_JOURNEY = UUID.randomUUID();
    private static final Map<String, AtomicInteger> FAILURES = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    @GET
    @Path("/procedures")
    public List<Map<String, Object>> procedures() {
        return List.of(Map.of("id", "cni-renouvellement", "version", 1));
    }

    @GET
    @Path("/journeys/{id}")
    public Response journey(@PathParam("id") UUID id, @HeaderParam("Authorization") String authorization) {
        String owner = OWNERS.get(id);
        if (owner == null || !owner.equals(subject(authorization))) {
            return Response.status(404).type("application/problem+json")
                    .entity(Map.of("type", "https://relais.example/problems/not-found", "title", "Not found", "status", 404)).build();
        }
        return Response.ok(Map.of("id", id, "procedureId", "cni-renouvellement", "procedureVersion", 1, "status", "IN_PROGRESS",
                "currentStep", "identite", "citizenMayAct", true)).build();
    }

    /** The current version: the gateway checks a procedure exists before recording a person for it. */
    @GET
    @Path("/procedures/{id}")
    public Response procedure(@PathParam("id") String id) {
        return procedureVersion(id, 1);
    }

    /** The pinned version a journey follows: the steps a signal, a plea for help or a step back may name. */
    @GET
    @Path("/procedures/{id}/versions/{version}")
    public Response procedureVersion(@PathParam("id") String id, @PathParam("version") int version) {
        if (!"cni-renouvellement".equals(id) || version != 1) {
            return problem(404, "not-found");
        }
        return Response.ok(Map.of("id", id, "version", 1, "steps", STEPS.stream().map(step -> Map.of("id", step)).toList())).build();
    }

    public static final List<String> STEPS = List.of("identite", "justificatifs", "rdv-biometrie", "remise");

    @GET
    @Path("/queues/desk/{site}")
    public List<Map<String, Object>> deskQueue(@PathParam("site") String site) {
        return List.of(Map.of("journeyId", CODE_JOURNEY, "procedureId", "cni-renouvellement", "currentStep", "rdv-biometrie"));
    }

    @POST
    @Path("/journeys/lookup")
    public Response lookup(Map<String, String> request) {
        String code = request.get("resumeCode");
        AtomicInteger failures = FAILURES.computeIfAbsent(code, c -> new AtomicInteger());
        if (failures.get() >= 3) {
            return problem(429, "resume-code-locked");
        }
        if (CODE.equals(code) && "1984".equals(request.get("checkValue"))) {
            return Response.ok(Map.of("journeyId", CODE_JOURNEY, "procedureId", "cni-renouvellement", "status", "IN_PROGRESS")).build();
        }
        failures.incrementAndGet();
        return problem(404, "no-match");
    }

    private static Response problem(int status, String type) {
        return Response.status(status).type("application/problem+json")
                .entity(Map.of("type", "https://relais.example/problems/" + type, "title", type, "status", status)).build();
    }

    private static String subject(String authorization) {
        try {
            String payload = authorization.substring("Bearer ".length()).split("\\.")[1];
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(payload));
            return claims.path("sub").asText();
        } catch (Exception e) {
            return null;
        }
    }
}
