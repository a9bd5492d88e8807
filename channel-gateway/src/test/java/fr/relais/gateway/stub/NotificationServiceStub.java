package fr.relais.gateway.stub;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for notification-service: it answers only a caller whose token it received (401 otherwise) and who has the
 * role notification-service asks for (403), a journey's messages only for journeys tests register (404 otherwise), and a
 * site's letters only to that site's counter agents (403), as notification-service does.
 */
@Path("/stub/notification")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class NotificationServiceStub {

    /** Journeys whose messages staff may read. */
    public static final Set<UUID> JOURNEYS = ConcurrentHashMap.newKeySet();
    public static final UUID JOURNEY = UUID.randomUUID();
    public static final String DAY = "2026-03-10";

    @GET
    @Path("/me/messages")
    public Response mine(@HeaderParam("Authorization") String authorization) {
        JsonNode claims = BearerClaims.of(authorization);
        Response refused = refusal(claims, Set.of("citizen"));
        if (refused != null) {
            return refused;
        }
        return Response.ok(List.of(
                Map.of("notificationId", UUID.randomUUID(), "journeyId", JOURNEY, "trigger", "reminder-48h", "channel", "email",
                        "status", "delivered", "sentAt", "2026-03-10T08:05:00Z", "deliveredAt", "2026-03-10T08:05:03Z",
                        "subject", "Rappel : votre rendez-vous jeudi", "text", "Bonjour,\nvotre rendez-vous est jeudi 12 mars à 10 h 00.",
                        "deferred", false),
                Map.of("notificationId", UUID.randomUUID(), "journeyId", JOURNEY, "trigger", "reminder-48h", "channel", "sms",
                        "status", "pending", "text", "Relais : rendez-vous jeudi 12 mars à 10 h 00.", "deferred", true)))
                .build();
    }

    @GET
    @Path("/journeys/{id}/messages")
    public Response ofJourney(@PathParam("id") UUID id, @HeaderParam("Authorization") String authorization) {
        Response refused = refusal(BearerClaims.of(authorization), Set.of("counter-agent", "phone-agent", "mediator"));
        if (refused != null) {
            return refused;
        }
        if (!JOURNEYS.contains(id)) {
            return problem(404, "not-found");
        }
        return Response.ok(List.of(Map.of("notificationId", UUID.randomUUID(), "trigger", "reminder-48h", "channel", "sms",
                "status", "delivered", "createdAt", "2026-03-10T08:00:00Z", "sentAt", "2026-03-10T08:00:01Z",
                "deliveredAt", "2026-03-10T08:00:05Z"))).build();
    }

    @GET
    @Path("/letters/{site}")
    public Response letters(@PathParam("site") String site, @HeaderParam("Authorization") String authorization) {
        Response refused = siteRefusal(BearerClaims.of(authorization), site);
        return refused != null ? refused
                : Response.ok(List.of(Map.of("site", site, "day", DAY, "letters", 3, "posted", 0))).build();
    }

    @GET
    @Path("/letters/{site}/{day}.pdf")
    @Produces("application/pdf")
    public Response pdf(@PathParam("site") String site, @PathParam("day") String day, @HeaderParam("Authorization") String authorization) {
        Response refused = siteRefusal(BearerClaims.of(authorization), site);
        return refused != null ? refused
                : Response.ok(("%PDF-1.7 courriers " + site + " " + day).getBytes(StandardCharsets.US_ASCII), "application/pdf").build();
    }

    @POST
    @Path("/letters/{site}/{day}/posted")
    public Response posted(@PathParam("site") String site, @PathParam("day") String day, @HeaderParam("Authorization") String authorization) {
        Response refused = siteRefusal(BearerClaims.of(authorization), site);
        return refused != null ? refused : Response.ok(Map.of("site", site, "day", day, "letters", 3)).build();
    }

    private static Response siteRefusal(JsonNode claims, String site) {
        Response refused = refusal(claims, Set.of("counter-agent"));
        if (refused != null) {
            return refused;
        }
        JsonNode claim = claims.path("site");
        return site.equals(claim.isArray() ? claim.path(0).asText() : claim.asText()) ? null : problem(403, "forbidden");
    }

    private static Response refusal(JsonNode claims, Set<String> roles) {
        if (claims.isMissingNode()) {
            return Response.status(401).build();
        }
        return roles.stream().anyMatch(role -> BearerClaims.hasRole(claims, role)) ? null : problem(403, "forbidden");
    }

    static Response problem(int status, String type) {
        return Response.status(status).type("application/problem+json")
                .entity(Map.of("type", "https://relais.example/problems/" + type, "title", type, "status", status)).build();
    }
}
