package fr.relais.system.harness;

import com.fasterxml.jackson.databind.JsonNode;
import fr.relais.testsupport.DemoUser;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** The moves scenarios repeat, written once: start a journey, fill a step, read it, find a slot. */
public final class Journeys {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private Journeys() {
    }

    /** A citizen starts a procedure on the portal; returns the journey id. */
    public static UUID start(DemoUser citizen, String procedureId) {
        JsonNode accepted = Api.as(citizen).post("/api/portal/journeys", Map.of("procedureId", procedureId),
                "start-" + UUID.randomUUID()).expect(200);
        return UUID.fromString(accepted.get("journeyId").asText());
    }

    /** Submits a step on {@code channel}'s API (portal, desk or phone) and expects it accepted. */
    public static JsonNode submit(DemoUser user, String channel, UUID journeyId, String stepId, Map<String, String> answers) {
        return Api.as(user).post("/api/" + channel + "/journeys/" + journeyId + "/steps/" + stepId, Map.of("answers", answers))
                .expect(200);
    }

    public static JsonNode read(DemoUser user, String channel, UUID journeyId) {
        return Api.as(user).get("/api/" + channel + "/journeys/" + journeyId).expect(200);
    }

    /** Waits until the journey, as its citizen sees it on the portal, matches. */
    public static JsonNode awaitJourney(DemoUser citizen, UUID journeyId, String what, Predicate<JsonNode> condition) {
        return await(what).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> read(citizen, "portal", journeyId), condition);
    }

    /** The channels of the timeline's events caused by people, with consecutive repeats folded: the path. */
    public static List<String> channelPath(JsonNode journey) {
        List<String> path = new ArrayList<>();
        for (JsonNode entry : journey.get("timeline")) {
            String channel = entry.path("channel").asText();
            if (channel.equals("system") || channel.isEmpty()) {
                continue;
            }
            if (path.isEmpty() || !path.get(path.size() - 1).equals(channel)) {
                path.add(channel);
            }
        }
        return path;
    }

    /** The first free slot of a motif at a site over the next weeks, as the portal offers it. */
    public static JsonNode firstSlot(DemoUser user, String motif, String site) {
        LocalDate today = LocalDate.now(PARIS);
        JsonNode slots = Api.as(user).get("/api/appointments/availability?motif=" + motif + "&sites=" + site
                + "&from=" + today + "&to=" + today.plusDays(21)).expect(200);
        if (!slots.isArray() || slots.isEmpty()) {
            throw new AssertionError("no free slot for " + motif + " at " + site + " in three weeks: " + slots);
        }
        return slots.get(0);
    }

    /** Holds then confirms a slot for the journey's step; returns the confirmed booking. */
    public static JsonNode book(DemoUser user, UUID journeyId, String procedureId, String stepId, String motif, JsonNode slot) {
        JsonNode held = Api.as(user).post("/api/appointments/bookings", Map.of(
                "journeyId", journeyId, "procedureId", procedureId, "stepId", stepId, "motif", motif,
                "site", slot.get("site").asText(), "startsAt", slot.get("startsAt").asText())).expect(201);
        return Api.as(user).post("/api/appointments/bookings/" + held.get("id").asText() + "/confirm", Map.of()).expect(200);
    }

    /**
     * A citizen holds at most a few appointments ahead (appointment-service's quota): a scenario that books for a demo
     * citizen first cancels what earlier scenarios left her, as she would.
     */
    public static void cancelAppointmentsAhead(DemoUser citizen) {
        for (JsonNode booking : Api.as(citizen).get("/api/appointments/bookings/mine").expect(200)) {
            String status = booking.path("status").asText();
            if (status.equals("HELD") || status.equals("CONFIRMED")) {
                Api.as(citizen).post("/api/appointments/bookings/" + booking.get("id").asText() + "/cancel", Map.of()).expect(200);
            }
        }
    }
}
