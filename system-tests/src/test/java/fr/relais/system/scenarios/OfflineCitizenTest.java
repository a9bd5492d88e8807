package fr.relais.system.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import fr.relais.system.harness.OfflineWalk;
import fr.relais.system.harness.RelaisSystem;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

import static fr.relais.system.harness.Journeys.channelPath;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mohamed, who has no account and prefers a person, renews his ID card (OfflineWalk): started at the Guéret desk with
 * a printed receipt, called back (no answer, then reached), a phone step and a booking on the call, finished at the
 * desk; later attached to his new account, where the portal shows the whole timeline and who read or did what.
 */
@ExtendWith(RelaisSystem.class)
@Order(12)
class OfflineCitizenTest {

    @Test
    void mohamedStartsAtTheDeskIsCalledBackFinishesAtTheDeskThenSeesItAllOnline() {
        OfflineWalk.Seen seen = OfflineWalk.play(step -> { });

        assertThat(seen.startedAtDesk().get("status").asText()).isEqualTo("WITH_AGENT");
        assertThat(seen.startedAtDesk().get("accessReason").asText()).isEqualTo("claimed");
        String code = seen.resumeCode();
        assertThat(seen.receiptPdfText()).contains("Renouvellement de carte nationale d'identité")
                .contains(code.substring(0, 4) + " " + code.substring(4)).contains("Besoin d'aide ?");

        assertThat(seen.queuedCallback().has("phone")).as("the number only for the agent who takes the call back").isFalse();
        assertThat(seen.taken().get("phone").asText()).isEqualTo("+33555123456");
        assertThat(seen.missed().get("failedAttempts").asInt()).isEqualTo(1);
        assertThat(seen.missed().get("closed").asBoolean()).isFalse();
        assertThat(seen.reached().get("closed").asBoolean()).isTrue();
        assertThat(seen.booking().get("status").asText()).isEqualTo("CONFIRMED");

        assertThat(seen.wrongAttach().status()).as(seen.wrongAttach().raw()).isEqualTo(404);
        assertThat(seen.wrongAttach().raw()).doesNotContain("11/02/1951").doesNotContain("02/11/1951").doesNotContain("1951-11-02");
        JsonNode online = seen.online();
        assertThat(channelPath(online)).containsExactly("desk", "phone", "desk", "portal");
        List<String> whatHappened = new ArrayList<>();
        online.get("timeline").forEach(e -> whatHappened.add(e.get("what").asText()));
        assertThat(whatHappened).contains("journey-started", "callback-requested", "callback-attempted", "caller-verified",
                "step-completed", "journey-completed", "journey-attached");

        List<String> accessLog = new ArrayList<>();
        seen.accessLog().forEach(e -> accessLog.add(e.get("actorRole").asText() + ":" + e.get("action").asText()));
        assertThat(accessLog).contains("counter-agent:start-journey", "counter-agent:receipt",
                "phone-agent:callback-number-read", "phone-agent:submit-step", "counter-agent:submit-step");
    }
}
