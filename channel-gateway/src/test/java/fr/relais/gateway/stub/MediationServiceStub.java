package fr.relais.gateway.stub;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for mediation-service: a case is claimed once; a second claim is its 409 problem. Its experience API
 * (issue 21) answers as the contract says: a survey's state for journeys tests register, a survey answered once (409
 * survey-already-answered after), agents' flags for staff only, a procedure's aggregates for ops or an owner of it (its
 * token's procedures claim), the sites' workload for ops and admin, and the public transparency and open data, which it
 * records were asked without a token. What the gateway sent is kept for the tests to read.
 */
@Path("/stub/mediation")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MediationServiceStub {

    private static final Set<UUID> CLAIMED = ConcurrentHashMap.newKeySet();

    /** Journeys whose friction the caller may read (mediation-service decides by pool; tests register them). */
    public static final Set<UUID> FRICTION_VISIBLE = ConcurrentHashMap.newKeySet();

    @GET
    @Path("/journeys/{journeyId}/friction")
    public Response friction(@PathParam("journeyId") UUID journeyId, @HeaderParam("Authorization") String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return Response.status(401).build();
        }
        if (!FRICTION_VISIBLE.contains(journeyId)) {
            return Response.status(404).type("application/problem+json").entity(Map.of("type",
                    "https://relais.example/problems/not-found", "title", "Not found", "status", 404,
                    "detail", "no friction for this journey in your pools")).build();
        }
        // scores are decimals, as mediation-service writes them
        return Response.ok(Map.of("journeyId", journeyId, "score", 12.0, "threshold", 10.0)).build();
    }

    @POST
    @Path("/cases/{id}/claim")
    public Response claim(@PathParam("id") UUID id) {
        if (!CLAIMED.add(id)) {
            return Response.status(409).type("application/problem+json").entity(Map.of("type",
                    "https://relais.example/problems/already-claimed", "title", "Already claimed", "status", 409)).build();
        }
        return Response.ok(Map.of("id", id, "status", "CLAIMED")).build();
    }

    /** A journey's survey as mediation-service would say it is: open (the journey is over), answered. */
    public record SurveyState(boolean open, boolean answered) {
    }

    /** Journeys whose survey state the stub knows (tests register them); any other is a 404. */
    public static final Map<UUID, SurveyState> SURVEYS = new ConcurrentHashMap<>();
    /** How many times a survey's state was asked. */
    public static final AtomicInteger SURVEY_READS = new AtomicInteger();
    /** The survey bodies received, by journey, and the subject of the token each came with. */
    public static final Map<UUID, JsonNode> SURVEYS_RECEIVED = new ConcurrentHashMap<>();
    public static final Map<UUID, String> SURVEY_SENDERS = new ConcurrentHashMap<>();
    /** The flag bodies received, by journey. */
    public static final Map<UUID, JsonNode> FLAGS_RECEIVED = new ConcurrentHashMap<>();
    /** Journeys for which the stub fails as a service in trouble (500). */
    public static final Set<UUID> FAILING = ConcurrentHashMap.newKeySet();
    /** The Authorization header of each public read (transparency, open data), "" when there was none. */
    public static final List<String> PUBLIC_AUTHORIZATIONS = new CopyOnWriteArrayList<>();
    /** The public transparency answers 500 while this is set. */
    public static volatile boolean transparencyDown;
    /** The moderation decisions and answers received. */
    public static final Map<UUID, String> MODERATIONS = new ConcurrentHashMap<>();
    public static final List<JsonNode> ANSWERS_RECEIVED = new CopyOnWriteArrayList<>();

    public static final String OPEN_DATA_CSV = "procedure_id,path,journeys,completed,abandoned,median_minutes_to_complete,"
            + "active_minutes,waiting_minutes,desk_trips,channel_switches,errors,help_requests,escalations,bounced,surveys,"
            + "easy_to_understand,help_when_needed,feeling_compared_to_before\n"
            + "aide-logement,web,42,35,7,95.5,31.2,64.3,0.0,0.1,1.4,0.3,2,1,18,3.9,3.1,3.6\n"
            + "aide-logement,portal+desk,12,11,1,2880.0,52.0,2828.0,1.2,1.3,0.8,1.1,0,3,,,,\n";
    public static final String OPEN_DATA_JSON = "[{\"procedure_id\":\"aide-logement\",\"path\":\"portal\",\"journeys\":42}]";

    /** One path's row as mediation-service writes it. */
    public static Map<String, Object> pathRow(String path, int journeys, int surveys, Double easy) {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("path", path);
        row.put("journeys", journeys);
        row.put("completed", journeys - 2);
        row.put("abandoned", 2);
        row.put("medianMinutesToComplete", 95.5);
        row.put("activeMinutes", 31.2);
        row.put("waitingMinutes", 64.3);
        row.put("deskTrips", 0.0);
        row.put("channelSwitches", 0.1);
        row.put("errors", 1.4);
        row.put("helpRequests", 0.3);
        row.put("escalations", 2);
        row.put("bounced", 1);
        row.put("surveys", surveys);
        row.put("easyToUnderstand", easy);
        row.put("helpWhenNeeded", easy);
        row.put("feelingComparedToBefore", easy);
        return row;
    }

    @GET
    @Path("/experience/journeys/{journeyId}/survey")
    public Response survey(@PathParam("journeyId") UUID journeyId, @HeaderParam("Authorization") String authorization) {
        SURVEY_READS.incrementAndGet();
        if (BearerClaims.of(authorization).isMissingNode()) {
            return Response.status(401).build();
        }
        SurveyState state = SURVEYS.get(journeyId);
        return state == null ? problem(404, "not-found") : Response.ok(state).build();
    }

    @POST
    @Path("/experience/journeys/{journeyId}/survey")
    public Response answerSurvey(@PathParam("journeyId") UUID journeyId, @HeaderParam("Authorization") String authorization,
                                 JsonNode survey) {
        JsonNode claims = BearerClaims.of(authorization);
        if (claims.isMissingNode()) {
            return Response.status(401).build();
        }
        if (FAILING.contains(journeyId)) {
            return problem(500, "internal");
        }
        // the citizen on the portal, the agent of the channel she answered on
        String channel = survey.path("channel").asText();
        String role = switch (channel) {
            case "portal" -> "citizen";
            case "desk" -> "counter-agent";
            case "phone" -> "phone-agent";
            default -> null;
        };
        if (role == null || !"end".equals(survey.path("moment").asText())) {
            return problem(400, "invalid-survey");
        }
        if (!BearerClaims.hasRole(claims, role)) {
            return problem(403, "forbidden");
        }
        if (SURVEYS_RECEIVED.putIfAbsent(journeyId, survey) != null) {
            return problem(409, "survey-already-answered");
        }
        SURVEY_SENDERS.put(journeyId, claims.path("sub").asText());
        String comment = survey.path("comment").isTextual() ? survey.path("comment").asText() : null;
        int redactions = comment != null && comment.matches("(?s).*\\d{2}( ?\\d{2}){4}.*") ? 1 : 0;
        return Response.status(201).entity(Map.of("commentStatus", comment == null ? "none" : "pending", "redactions", redactions)).build();
    }

    @POST
    @Path("/experience/journeys/{journeyId}/flags")
    public Response flag(@PathParam("journeyId") UUID journeyId, @HeaderParam("Authorization") String authorization, JsonNode flag) {
        JsonNode claims = BearerClaims.of(authorization);
        if (claims.isMissingNode()) {
            return Response.status(401).build();
        }
        if (Set.of("counter-agent", "phone-agent", "mediator").stream().noneMatch(role -> BearerClaims.hasRole(claims, role))) {
            return problem(403, "forbidden");
        }
        FLAGS_RECEIVED.put(journeyId, flag);
        return Response.status(201).entity(Map.of("code", flag.path("code").asText())).build();
    }

    @GET
    @Path("/experience/procedures/{procedureId}")
    public Response procedure(@PathParam("procedureId") String procedureId, @QueryParam("days") Integer days,
                              @HeaderParam("Authorization") String authorization) {
        Response refused = ownerRefusal(BearerClaims.of(authorization), procedureId);
        if (refused != null) {
            return refused;
        }
        Map<String, Object> experience = new java.util.LinkedHashMap<>();
        experience.put("procedureId", procedureId);
        experience.put("since", "2026-01-01");
        experience.put("minCellSize", 10);
        experience.put("paths", List.of(pathRow("portal", 42, 18, 3.9), pathRow("portal+desk", 12, 4, null)));
        experience.put("hiddenPaths", 2);
        // withAgent: journeys whose step an agent completed (desk or phone); four steps did some, one none
        experience.put("steps", List.of(stepRow("identite", 50, 21), stepRow("revenus", 40, 30), stepRow("justificatifs", 30, 3),
                stepRow("signature", 20, 1), stepRow("depot", 12, 0)));
        experience.put("flags", List.of(Map.of("site", "fs-aubervilliers", "code", "missing-document", "count", 4)));
        experience.put("comments", List.of(
                Map.of("id", UUID.randomUUID(), "text", "Trop de pièces demandées. Appelez-moi au [retiré].", "status", "pending",
                        "redactions", 1, "receivedOn", "2026-03-02", "stepId", "revenus"),
                Map.of("id", UUID.randomUUID(), "text", "Clair et rapide.", "status", "published", "redactions", 0,
                        "receivedOn", "2026-02-20")));
        experience.put("answers", List.of(Map.of("id", UUID.randomUUID(), "procedureId", procedureId,
                "text", "La version 2 réunit deux étapes.", "changedInVersion", 2, "answeredOn", "2026-03-05")));
        return Response.ok(experience).build();
    }

    /** One step's row (version 2) as mediation-service writes it; "revenus" keeps the errors and flags the tests read. */
    public static Map<String, Object> stepRow(String stepId, int journeys, long withAgent) {
        boolean revenus = "revenus".equals(stepId);
        return Map.of("procedureVersion", 2, "stepId", stepId, "journeys", journeys, "errors", revenus ? 12 : 1,
                "helpRequests", revenus ? 5 : 0, "abandonments", revenus ? 3 : 0, "agentFlags", revenus ? 2 : 0, "withAgent", withAgent);
    }

    /** The period each read of the sites' workload asked for ("" when none was given). */
    public static final List<String> SITES_DAYS = new CopyOnWriteArrayList<>();
    /** The sites' workload answers 500 while this is set. */
    public static volatile boolean sitesDown;

    /**
     * The sites' workload for ops and admin (403 to anyone else, as mediation-service): two sites shown, one of them with
     * its training needs, one hidden.
     */
    @GET
    @Path("/experience/sites")
    public Response sites(@QueryParam("days") Integer days, @HeaderParam("Authorization") String authorization) {
        JsonNode claims = BearerClaims.of(authorization);
        if (claims.isMissingNode()) {
            return Response.status(401).build();
        }
        SITES_DAYS.add(days == null ? "" : days.toString());
        if (sitesDown) {
            return problem(500, "internal");
        }
        if (!BearerClaims.hasRole(claims, "ops") && !BearerClaims.hasRole(claims, "admin")) {
            return problem(403, "forbidden");
        }
        Map<String, Object> aubervilliers = new java.util.LinkedHashMap<>();
        aubervilliers.put("site", "fs-aubervilliers");
        aubervilliers.put("journeysHandled", 42);
        aubervilliers.put("claims", 57);
        aubervilliers.put("agentHours", 19);
        aubervilliers.put("claimsPerAgentHour", 3.0);
        aubervilliers.put("meanHandoffWaitMinutes", 12.5);
        aubervilliers.put("flags", List.of(Map.of("site", "fs-aubervilliers", "code", "missing-document", "count", 4),
                Map.of("site", "fs-aubervilliers", "code", "language", "count", 1)));
        aubervilliers.put("trainingNeeds", List.of("missing-document", "language"));
        Map<String, Object> phone = new java.util.LinkedHashMap<>();
        phone.put("site", "tel-national");
        phone.put("journeysHandled", 15);
        phone.put("claims", 15);
        phone.put("agentHours", 10);
        phone.put("claimsPerAgentHour", 1.5);
        phone.put("meanHandoffWaitMinutes", null);
        phone.put("flags", List.of());
        phone.put("trainingNeeds", List.of());
        return Response.ok(Map.of("since", "2026-01-01T00:00:00Z", "minCellSize", 10, "hiddenSites", 1,
                "sites", List.of(aubervilliers, phone))).build();
    }

    @POST
    @Path("/experience/comments/{id}/moderation")
    public Response moderate(@PathParam("id") UUID id, @HeaderParam("Authorization") String authorization, JsonNode moderation) {
        Response refused = ownerRefusal(BearerClaims.of(authorization), null);
        if (refused != null) {
            return refused;
        }
        MODERATIONS.put(id, moderation.path("decision").asText());
        return Response.ok(Map.of("id", id, "text", "Clair et rapide.", "status", "publish".equals(moderation.path("decision").asText())
                ? "published" : "rejected", "redactions", 0, "receivedOn", "2026-03-02")).build();
    }

    @POST
    @Path("/experience/procedures/{procedureId}/answers")
    public Response answer(@PathParam("procedureId") String procedureId, @HeaderParam("Authorization") String authorization,
                           JsonNode answer) {
        Response refused = ownerRefusal(BearerClaims.of(authorization), procedureId);
        if (refused != null) {
            return refused;
        }
        ANSWERS_RECEIVED.add(answer);
        Map<String, Object> made = new java.util.LinkedHashMap<>();
        made.put("id", UUID.randomUUID());
        made.put("procedureId", procedureId);
        made.put("text", answer.path("text").asText());
        made.put("changedInVersion", answer.path("changedInVersion").isInt() ? answer.path("changedInVersion").asInt() : null);
        made.put("answeredOn", "2026-03-06");
        return Response.status(201).entity(made).build();
    }

    @GET
    @Path("/experience/transparency")
    public Response transparency(@QueryParam("days") Integer days, @HeaderParam("Authorization") String authorization) {
        PUBLIC_AUTHORIZATIONS.add(authorization == null ? "" : authorization);
        if (transparencyDown) {
            return problem(500, "internal");
        }
        return Response.ok(Map.of("since", "2026-01-01", "minCellSize", 10, "procedures", List.of(Map.of(
                "procedureId", "aide-logement", "paths", List.of(pathRow("portal", 42, 18, 3.9)), "hiddenPaths", 1,
                "comments", List.of(Map.of("text", "Clair et rapide.", "receivedOn", "2026-02-20")),
                "answers", List.of(Map.of("id", UUID.randomUUID(), "procedureId", "aide-logement",
                        "text", "La version 2 réunit deux étapes.", "changedInVersion", 2, "answeredOn", "2026-03-05")))))).build();
    }

    @GET
    @Path("/experience/open-data")
    @Produces({"text/csv", MediaType.APPLICATION_JSON})
    public Response openData(@QueryParam("format") String format, @HeaderParam("Authorization") String authorization) {
        PUBLIC_AUTHORIZATIONS.add(authorization == null ? "" : authorization);
        return "json".equals(format)
                ? Response.ok(OPEN_DATA_JSON.getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON).build()
                : Response.ok(OPEN_DATA_CSV.getBytes(StandardCharsets.UTF_8), "text/csv; charset=utf-8").build();
    }

    /** ops see every procedure; a procedure owner those of her token's procedures claim (any of them when none is named). */
    private static Response ownerRefusal(JsonNode claims, String procedureId) {
        if (claims.isMissingNode()) {
            return Response.status(401).build();
        }
        if (BearerClaims.hasRole(claims, "ops")) {
            return null;
        }
        if (BearerClaims.hasRole(claims, "procedure-owner")) {
            for (JsonNode owned : claims.path("procedures")) {
                if (procedureId == null || procedureId.equals(owned.asText())) {
                    return null;
                }
            }
        }
        return problem(403, "forbidden");
    }

    private static Response problem(int status, String type) {
        return Response.status(status).type("application/problem+json").entity(Map.of("type",
                "https://relais.example/problems/" + type, "title", type, "status", status)).build();
    }
}
