package fr.relais.system.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import fr.relais.system.harness.Api;
import fr.relais.system.harness.Journeys;
import fr.relais.system.harness.ProxyVoteWalk;
import fr.relais.system.harness.RelaisSystem;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.relais.system.harness.Journeys.awaitJourney;
import static fr.relais.system.harness.Journeys.channelPath;
import static fr.relais.system.harness.Journeys.submit;
import static fr.relais.testsupport.DemoUser.AGNES;
import static fr.relais.testsupport.DemoUser.CAMILLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A citizen starts online, continues at a France Services desk where an agent picks the case up with
 * everything already entered, and finishes online: one journey, three channels, no state lost.
 */
@ExtendWith(RelaisSystem.class)
@Order(10)
class PortalDeskPortalTest {

    private static final String SITE = ProxyVoteWalk.SITE;
    private static final String CHECK_VALUE = ProxyVoteWalk.CHECK_VALUE;

    @Test
    void proxyVoteStartedOnlineCheckedAtTheDeskConfirmedOnline() {
        ProxyVoteWalk.Seen seen = ProxyVoteWalk.play(step -> { });

        assertThat(seen.booking().get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(seen.checkedIn().get("journeyId").asText()).isEqualTo(seen.journey().toString());
        JsonNode atDesk = seen.atDesk();
        assertThat(atDesk.get("status").asText()).isEqualTo("WITH_AGENT");
        assertThat(atDesk.get("accessReason").asText()).isEqualTo("claimed");
        assertThat(atDesk.at("/answers/mandant/nom").asText()).isEqualTo("Martin");
        assertThat(atDesk.at("/answers/mandataire/duree").asText()).isEqualTo("un-an");
        assertThat(atDesk.get("currentStep").asText()).isEqualTo("verification-identite");

        // the booking was used (checked in) or, for a citizen served early as a walk-in, released for others
        String bookingStatus = seen.checkedIn().get("via").asText().equals("walk-in") ? "CANCELLED" : "CHECKED_IN";
        await("booking " + bookingStatus).atMost(Duration.ofSeconds(10)).until(() -> Api.as(CAMILLE)
                .get("/api/appointments/bookings/" + seen.booking().get("id").asText()).expect(200).get("status").asText(),
                bookingStatus::equals);

        assertThat(seen.done().get("status").asText()).isEqualTo("COMPLETED");
        assertThat(channelPath(seen.done())).containsExactly("portal", "desk", "portal");

        List<String> agentActions = new ArrayList<>();
        for (JsonNode entry : seen.accessLog()) {
            if (entry.path("actorRole").asText().equals("counter-agent")) {
                assertThat(entry.get("actorSite").asText()).isEqualTo(SITE);
                assertThat(entry.get("reason").asText()).isNotBlank();
                agentActions.add(entry.get("action").asText());
            }
        }
        assertThat(agentActions).as("the agent's reads and actions, as the citizen sees them: " + seen.accessLog())
                .contains("read", "claim-journey", "submit-step", "release-journey");
    }

    /**
     * The ID card as the demo procedure ships it: its last two steps need presence at a desk, so after two steps
     * online the journey ends at the desk (the proxy vote above is the portal -> desk -> portal path).
     */
    @Test
    void idCardRenewalStartedOnlineFinishedAtTheDesk() {
        UUID journey = Journeys.start(CAMILLE, "cni-renouvellement");
        submit(CAMILLE, "portal", journey, "identite", Map.of("nom", "Martin", "prenoms", "Camille",
                "date-naissance", "1984-03-12", "commune-naissance", "Aubervilliers"));
        submit(CAMILLE, "portal", journey, "formulaire", Map.of("adresse", "12 rue des Lilas", "code-postal", "93300",
                "commune", "Aubervilliers", "motif", "renouvellement-expiration"));
        Api.as(CAMILLE).post("/api/portal/journeys/" + journey + "/handoff",
                Map.of("channel", "desk", "site", SITE, "reason", "documents-help")).expect(200);
        JsonNode slot = Journeys.firstSlot(CAMILLE, "cni-biometrie", SITE);
        Journeys.book(CAMILLE, journey, "cni-renouvellement", "rdv-biometrie", "cni-biometrie", slot);
        String resumeCode = Journeys.read(CAMILLE, "portal", journey).get("resumeCode").asText();

        Api.as(AGNES).post("/api/desk/check-in", Map.of("resumeCode", resumeCode, "checkValue", CHECK_VALUE)).expect(200);
        Api.as(AGNES).post("/api/desk/journeys/" + journey + "/claim", Map.of()).expect(200);
        assertThat(Journeys.read(AGNES, "desk", journey).at("/answers/formulaire/code-postal").asText()).isEqualTo("93300");
        submit(AGNES, "desk", journey, "justificatifs", Map.of("photo-identite", "scan-0001", "justificatif-domicile", "scan-0002"));
        await("fingerprints taken at the desk").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(300))
                .until(() -> Api.as(AGNES).post("/api/desk/journeys/" + journey + "/steps/rdv-biometrie",
                        Map.of("answers", Map.of("empreintes-relevees", "oui"))).status() == 200);
        submit(AGNES, "desk", journey, "remise", Map.of("piece-remise", "oui"));

        JsonNode done = awaitJourney(CAMILLE, journey, "journey completed", j -> j.get("status").asText().equals("COMPLETED"));
        assertThat(channelPath(done)).containsExactly("portal", "desk");
    }

}
