package fr.relais.system.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import fr.relais.system.harness.Api;
import fr.relais.system.harness.Journeys;
import fr.relais.system.harness.MediationCases;
import fr.relais.system.harness.RelaisSystem;
import fr.relais.system.harness.Reply;
import fr.relais.system.harness.ServiceProcess;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.relais.testsupport.DemoUser.CAMILLE;
import static fr.relais.testsupport.DemoUser.MAYA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SLA timers are rows in mediation-service's database, not threads: a case nobody contacts still breaches after the
 * service is SIGKILLed, because the restarted process (its clock moved past the deadline with relais.clock.offset)
 * finds the due rows and fires them, once; and the escalation ladder keeps climbing: a second crash past the new
 * deadline gives a second breach, one tier higher.
 */
@ExtendWith(RelaisSystem.class)
@Order(31)
class SlaAcrossRestartTest {

    /** The ladder's priorities, each to the next one up (the top stays). */
    private static final Map<String, String> RAISED = Map.of("normal", "high", "high", "urgent", "urgent", "urgent");

    @Test
    void aCaseNobodyContactsBreachesAcrossCrashesAndKeepsClimbing() {
        UUID journey = caseOpenedByAPleaForHelp();
        JsonNode opened = MediationCases.caseOf(journey);
        assertThat(opened.get("tier").asInt()).isZero();
        String caseId = opened.get("id").asText();
        ServiceProcess mediation = RelaisSystem.services().mediation();
        try {
            crashAndComeBackPast(mediation, Instant.parse(opened.get("firstContactDueAt").asText()));
            JsonNode first = await("the first breach, fired by the restarted service").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(1)).until(() -> MediationCases.caseOf(journey), c -> c.get("tier").asInt() == 1);
            assertThat(first.get("status").asText()).isEqualTo("open");
            assertThat(first.get("priority").asText()).as("one rung up").isEqualTo(RAISED.get(opened.get("priority").asText()));
            Instant dueAgain = Instant.parse(first.get("firstContactDueAt").asText());
            assertThat(dueAgain).as("the first contact is due again").isAfter(Instant.parse(opened.get("firstContactDueAt").asText()));

            crashAndComeBackPast(mediation, dueAgain);
            await("the second breach: the ladder keeps climbing").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> MediationCases.caseOf(journey), c -> c.get("tier").asInt() == 2);
            assertThat(slaHistory(caseId)).as("each timer fired once across the crashes")
                    .containsExactly("sla-at-risk", "sla-breached", "sla-at-risk", "sla-breached");
        } finally {
            mediation.stop();
            mediation.start(Map.of());
            mediation.awaitReady(Duration.ofSeconds(90));
        }
        // leave maya's queue as it was
        Api.as(MAYA).post("/api/mediation/cases/" + caseId + "/claim", Map.of()).expect(200);
        Api.as(MAYA).post("/api/mediation/cases/" + caseId + "/resolve", Map.of("outcome", "helped-online")).expect(200);
    }

    /** Three refused answers and "I need help": friction enough for a case in pool 93 (as FrictionToMediatorTest). */
    private static UUID caseOpenedByAPleaForHelp() {
        UUID journey = Journeys.start(CAMILLE, "aide-logement");
        String stepId = Journeys.read(CAMILLE, "portal", journey).get("currentStep").asText();
        for (int attempt = 0; attempt < 3; attempt++) {
            Reply invalid = Api.as(CAMILLE).post("/api/portal/journeys/" + journey + "/steps/" + stepId, Map.of("answers", Map.of()));
            assertThat(invalid.status()).as(invalid.raw()).isEqualTo(422);
        }
        Api.as(CAMILLE).post("/api/portal/journeys/" + journey + "/help", Map.of("stepId", stepId)).expect(202);
        await("a case in pool 93's queue").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> MediationCases.caseOf(journey), c -> c != null);
        return journey;
    }

    /** SIGKILL, then a start with the clock two minutes past {@code deadline}: only the database remembers the timers. */
    private static void crashAndComeBackPast(ServiceProcess mediation, Instant deadline) {
        mediation.kill();
        Duration offset = Duration.between(Instant.now(), deadline).plusMinutes(2);
        mediation.start(Map.of("RELAIS_CLOCK_OFFSET", offset.toString()));
        mediation.awaitReady(Duration.ofSeconds(90));
    }

    private static List<String> slaHistory(String caseId) {
        List<String> actions = new ArrayList<>();
        for (JsonNode line : Api.as(MAYA).get("/api/mediation/cases/" + caseId).expect(200).get("history")) {
            if (line.get("action").asText().startsWith("sla-")) {
                actions.add(line.get("action").asText());
            }
        }
        return actions;
    }
}
