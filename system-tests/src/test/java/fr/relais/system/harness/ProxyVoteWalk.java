package fr.relais.system.harness;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static fr.relais.system.harness.Journeys.submit;
import static fr.relais.testsupport.DemoUser.AGNES;
import static fr.relais.testsupport.DemoUser.CAMILLE;
import static org.awaitility.Awaitility.await;

/**
 * Camille's proxy vote, portal -> desk -> portal, through the gateway's public API: played by the system test
 * (which then checks every view) and by ./relais demo (which narrates it). Each move is told to {@code narrate}.
 */
public final class ProxyVoteWalk {

    public static final String SITE = "fs-aubervilliers";
    /** Camille's check field (DEMO-DATA.md): her birth year. */
    public static final String CHECK_VALUE = "1984-03-12";

    /** What the people involved saw along the way. */
    public record Seen(UUID journey, JsonNode booking, JsonNode checkedIn, JsonNode atDesk, JsonNode done, JsonNode accessLog) {
    }

    private ProxyVoteWalk() {
    }

    public static Seen play(Consumer<String> narrate) {
        UUID journey = Journeys.start(CAMILLE, "procuration-vote");
        narrate.accept("camille (portal)   starts a proxy vote: journey " + journey);
        submit(CAMILLE, "portal", journey, "mandant", Map.of("nom", "Martin", "prenoms", "Camille",
                "date-naissance", "1984-03-12", "commune-vote", "Aubervilliers"));
        submit(CAMILLE, "portal", journey, "mandataire", Map.of("numero-electeur", "12345678", "duree", "un-an"));
        narrate.accept("camille (portal)   fills in two steps: about her, and the person who will vote for her");

        Api.as(CAMILLE).post("/api/portal/journeys/" + journey + "/handoff",
                Map.of("channel", "desk", "site", SITE, "reason", "identity-check")).expect(200);
        JsonNode slot = Journeys.firstSlot(CAMILLE, "accompagnement", SITE);
        JsonNode booking = Journeys.book(CAMILLE, journey, "procuration-vote", "verification-identite", "accompagnement", slot);
        narrate.accept("camille (portal)   continues at the desk of " + SITE + ", booked for " + booking.get("startsAt").asText());
        String resumeCode = Journeys.read(CAMILLE, "portal", journey).get("resumeCode").asText();

        await("journey in " + SITE + "'s desk queue").atMost(Duration.ofSeconds(10))
                .until(() -> queue(Api.as(AGNES).get("/api/desk/queue").expect(200)).contains(journey.toString()));
        narrate.accept("agnes   (desk)     sees the journey in her site's queue");
        JsonNode checkedIn = Api.as(AGNES).post("/api/desk/check-in", Map.of("resumeCode", resumeCode, "checkValue", CHECK_VALUE))
                .expect(200);
        narrate.accept("agnes   (desk)     checks camille in with her resume code " + resumeCode + " (via " + checkedIn.get("via").asText() + ")");
        Api.as(AGNES).post("/api/desk/journeys/" + journey + "/claim", Map.of()).expect(200);
        JsonNode atDesk = Journeys.read(AGNES, "desk", journey);
        narrate.accept("agnes   (desk)     claims it and sees what camille already entered: steps " + atDesk.get("completedSteps"));

        // presence comes from the check-in (through appointment.events when the booking is today): wait for it
        await("the presence step accepted at the desk").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(300))
                .until(() -> Api.as(AGNES).post("/api/desk/journeys/" + journey + "/steps/verification-identite",
                        Map.of("answers", Map.of("piece-presentee", "carte-identite"))).status() == 200);
        Api.as(AGNES).post("/api/desk/journeys/" + journey + "/release", Map.of()).expect(200);
        narrate.accept("agnes   (desk)     checks her identity card, then hands the journey back to camille");

        submit(CAMILLE, "portal", journey, "confirmation", Map.of("confirmation", "oui"));
        JsonNode done = Journeys.awaitJourney(CAMILLE, journey, "journey completed", j -> j.get("status").asText().equals("COMPLETED"));
        narrate.accept("camille (portal)   confirms online: the journey is " + done.get("status").asText());
        JsonNode accessLog = Api.as(CAMILLE).get("/api/portal/journeys/" + journey + "/access-log").expect(200);
        return new Seen(journey, booking, checkedIn, atDesk, done, accessLog);
    }

    public static List<String> queue(JsonNode queue) {
        List<String> ids = new ArrayList<>();
        queue.forEach(entry -> ids.add(entry.get("journeyId").asText()));
        return ids;
    }
}
