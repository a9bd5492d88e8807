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

    /** No journey followed as an aidant in these tests (journey-service's rule is proven in its own tests and the system tests). */
    @GET
    @Path("/journeys/as-aidant")
    public List<Map<String, Object>> followedAsAidant() {
        return List.of();
    }

    /** Decided commands as journey-service stores them: the outcome's JSON, and the subject who issued the command. */
    public record Decided(String issuer, String outcome) {
    }

    public static final Map<UUID, Decided> COMMANDS = new ConcurrentHashMap<>();

    /** Like journey-service's GET /commands/{id}: the outcome to its issuer, a 404 to anyone else or for an unknown id. */
    @GET
    @Path("/commands/{id}")
    public Response command(@PathParam("id") UUID id, @HeaderParam("Authorization") String authorization) {
        Decided decided = COMMANDS.get(id);
        if (decided == null || !decided.issuer().equals(subject(authorization))) {
            return problem(404, "not-found");
        }
        return Response.ok(decided.outcome(), MediaType.APPLICATION_JSON).build();
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
        return Response.ok(Map.of("id", id, "version", 1, "title", "Renouvellement de carte nationale d'identité",
                "steps", STEPS.stream().map(step -> Map.of("id", step, "title", "Étape " + step, "channels", List.of("portal", "desk"))).toList()))
                .build();
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

    // --- persons, receipts, attach and call backs (journey-service's answers for citizens without an account) ---

    /** Person records by "family|given|ISO birth date", as the stub recorded them. */
    public static final Map<String, Map<String, Object>> PERSONS = new ConcurrentHashMap<>();
    /** Who holds a journey whose receipt may be read: journey id to the subject of its agent or owner. */
    public static final Map<UUID, String> RECEIPT_READERS = new ConcurrentHashMap<>();
    /** The call back requests received, by journey id, as journey-service got them. */
    public static final Map<UUID, Map<String, Object>> CALLBACKS = new ConcurrentHashMap<>();
    /** The attach requests received (resume code and check value as the gateway sent them). */
    public static final List<Map<String, String>> ATTACHES = new java.util.concurrent.CopyOnWriteArrayList<>();
    public static final String RECEIPT_CODE = "KM4T7QXR";
    public static final String LOCKED_CODE = "LCKDLCKD";
    public static final UUID ATTACHABLE_JOURNEY = UUID.randomUUID();

    @POST
    @Path("/persons")
    public Response createPerson(Map<String, Object> draft, @HeaderParam("Authorization") String authorization) {
        List<Map<String, String>> errors = new java.util.ArrayList<>();
        for (String field : List.of("givenNames", "familyName", "birthDate")) {
            if (draft.get(field) == null || draft.get(field).toString().isBlank()) {
                errors.add(Map.of("field", field, "message", "champ obligatoire"));
            }
        }
        if (!errors.isEmpty()) {
            return Response.status(400).type("application/problem+json").entity(Map.of("type", "https://relais.example/problems/invalid-person",
                    "title", "Invalid person", "status", 400, "errors", errors)).build();
        }
        String key = personKey(draft);
        if (PERSONS.containsKey(key)) {
            return Response.status(409).type("application/problem+json").entity(Map.of("type", "https://relais.example/problems/duplicate-person",
                    "title", "Person already recorded", "status", 409, "fields", List.of("familyName", "givenNames", "birthDate"))).build();
        }
        Map<String, Object> person = new java.util.LinkedHashMap<>(Map.of("personId", UUID.randomUUID(), "givenNames", draft.get("givenNames"),
                "familyName", draft.get("familyName"), "birthDate", iso(draft.get("birthDate").toString()), "identity", identityOf(authorization),
                "hasAccount", false, "journeys", List.of()));
        PERSONS.put(key, person);
        return Response.status(201).entity(person).build();
    }

    @POST
    @Path("/persons/search")
    public Response searchPerson(Map<String, Object> search) {
        if (search.get("familyName") == null || search.get("birthDate") == null) {
            return Response.status(400).type("application/problem+json").entity(Map.of("type", "https://relais.example/problems/invalid-person",
                    "title", "Invalid person", "status", 400, "errors", List.of(Map.of("field", "birthDate", "message", "date attendue")))).build();
        }
        Map<String, Object> person = PERSONS.get(personKey(search));
        return person == null ? problem(404, "person-not-found") : Response.ok(person).build();
    }

    @GET
    @Path("/journeys/{id}/receipt")
    public Response receipt(@PathParam("id") UUID id, @HeaderParam("Authorization") String authorization) {
        String reader = RECEIPT_READERS.get(id);
        if (reader == null || !reader.equals(subject(authorization))) {
            return problem(404, "not-found");
        }
        return Response.ok(Map.ofEntries(Map.entry("journeyId", id), Map.entry("procedureId", "cni-renouvellement"),
                Map.entry("procedureVersion", 1), Map.entry("resumeCode", RECEIPT_CODE), Map.entry("startedAt", "2026-11-30T13:05:00Z"),
                Map.entry("startedChannel", "desk"), Map.entry("startedSite", "fs-gueret"), Map.entry("status", "WITH_AGENT"),
                Map.entry("currentStep", "justificatifs"), Map.entry("completedSteps", List.of("identite")),
                Map.entry("givenNames", "Mohamed"), Map.entry("familyName", "Benali"))).build();
    }

    @POST
    @Path("/journeys/attach")
    public Response attach(Map<String, String> request) {
        ATTACHES.add(request);
        if (LOCKED_CODE.equals(request.get("resumeCode"))) {
            return problem(429, "resume-code-locked");
        }
        if (RECEIPT_CODE.equals(request.get("resumeCode")) && "02/11/1951".equals(request.get("checkValue"))) {
            return Response.ok(Map.of("journeyId", ATTACHABLE_JOURNEY, "procedureId", "cni-renouvellement", "status", "IN_PROGRESS")).build();
        }
        return problem(404, "no-match");
    }

    @POST
    @Path("/journeys/{id}/callbacks")
    public Response callback(@PathParam("id") UUID id, Map<String, Object> request) {
        if (!Boolean.TRUE.equals(request.get("consent"))) {
            return Response.status(400).type("application/problem+json").entity(Map.of("type", "https://relais.example/problems/invalid-field",
                    "title", "Invalid field", "status", 400, "field", "consent")).build();
        }
        if (request.get("phone") != null && !request.get("phone").toString().matches("[0-9 +]{10,17}")) {
            return Response.status(400).type("application/problem+json").entity(Map.of("type", "https://relais.example/problems/invalid-field",
                    "title", "Invalid field", "status", 400, "field", "phone", "detail", "a phone number such as 05 55 12 34 56")).build();
        }
        if (CALLBACKS.containsKey(id)) {
            return problem(409, "callback-pending");
        }
        CALLBACKS.put(id, request);
        Map<String, Object> entry = new java.util.LinkedHashMap<>();
        entry.put("callbackId", UUID.randomUUID());
        entry.put("journeyId", id);
        entry.put("procedureId", "cni-renouvellement");
        entry.put("reasonCode", request.get("reasonCode"));
        entry.put("windows", request.get("windows"));
        entry.put("dueAt", "2026-12-01T08:00:00Z");
        return Response.status(201).entity(entry).build();
    }

    /** As journey-service records it: checked on a document by a counter agent, declared on a call by a phone agent. */
    private static String identityOf(String authorization) {
        String[] parts = authorization == null ? new String[0] : authorization.replace("Bearer ", "").split("\\.");
        String claims = parts.length < 2 ? "" : new String(java.util.Base64.getUrlDecoder().decode(parts[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        return claims.contains("\"counter-agent\"") ? "checked" : "declared";
    }

    private static String personKey(Map<String, Object> person) {
        return String.valueOf(person.get("familyName")).toLowerCase(java.util.Locale.ROOT) + "|"
                + String.valueOf(person.get("givenNames")).toLowerCase(java.util.Locale.ROOT) + "|" + iso(String.valueOf(person.get("birthDate")));
    }

    /** 02/11/1951 as 1951-11-02, like journey-service reads a typed birth date. */
    private static String iso(String typed) {
        return typed.matches("\\d{2}/\\d{2}/\\d{4}") ? typed.substring(6) + "-" + typed.substring(3, 5) + "-" + typed.substring(0, 2) : typed;
    }
}
