package fr.relais.system.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import fr.relais.system.harness.Api;
import fr.relais.system.harness.Journeys;
import fr.relais.system.harness.RelaisSystem;
import fr.relais.system.harness.Reply;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static fr.relais.system.harness.Journeys.submit;
import static fr.relais.testsupport.DemoUser.CAMILLE;
import static fr.relais.testsupport.DemoUser.MOHAMED;
import static fr.relais.testsupport.DemoUser.PAUL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A citizen calls the phone platform: the agent verifies the caller, acts where the phone may, for a time box only. */
@ExtendWith(RelaisSystem.class)
@Order(20)
class PhoneTest {

    @Test
    void threeWrongCheckValuesLockTheResumeCodeEvenForTheRightOne() {
        UUID journey = Journeys.start(MOHAMED, "changement-adresse");
        submit(MOHAMED, "portal", journey, "identite", Map.of("nom", "Benali", "prenoms", "Mohamed", "date-naissance", "1951-11-02"));
        String code = Journeys.read(MOHAMED, "portal", journey).get("resumeCode").asText();
        for (String wrong : new String[] {"1951-11-03", "02/11/1952", "1951-02-11"}) {
            Reply refused = Api.as(PAUL).post("/api/phone/verify", Map.of("resumeCode", code, "checkValue", wrong));
            assertThat(refused.status()).as(refused.raw()).isEqualTo(404);
            assertThat(refused.raw()).doesNotContain("1951-11-02");
        }
        Reply locked = Api.as(PAUL).post("/api/phone/verify", Map.of("resumeCode", code, "checkValue", "1951-11-02"));
        assertThat(locked.status()).as(locked.raw()).isEqualTo(429);
        assertThat(locked.reason()).isEqualTo("resume-code-locked");
    }

    @Test
    void aVerifiedCallerIsHelpedOnPhoneStepsOnlyAndOnlyDuringTheTimeBox() {
        // the birth date entered online is what the check field is checked against
        UUID journey = Journeys.start(CAMILLE, "cni-renouvellement");
        submit(CAMILLE, "portal", journey, "identite", Map.of("nom", "Martin", "prenoms", "Camille",
                "date-naissance", "1984-03-12", "commune-naissance", "Paris"));
        String code = Journeys.read(CAMILLE, "portal", journey).get("resumeCode").asText();

        Api.as(PAUL).post("/api/phone/verify", Map.of("resumeCode", code, "checkValue", "12/03/1984")).expect(200);
        JsonNode seen = Journeys.read(PAUL, "phone", journey);
        assertThat(seen.get("accessReason").asText()).isEqualTo("verified-call");
        assertThat(seen.at("/answers/identite/commune-naissance").asText()).isEqualTo("Paris");

        // Camille made a mistake in her birthplace: the agent corrects the identity step, a phone step
        Api.as(PAUL).post("/api/phone/journeys/" + journey + "/back", Map.of("toStepId", "identite")).expect(200);
        submit(PAUL, "phone", journey, "identite", Map.of("nom", "Martin", "prenoms", "Camille",
                "date-naissance", "1984-03-12", "commune-naissance", "Aubervilliers"));
        Reply deskOnly = Api.as(PAUL).post("/api/phone/journeys/" + journey + "/steps/formulaire", Map.of("answers",
                Map.of("adresse", "12 rue des Lilas", "code-postal", "93300", "commune", "Aubervilliers", "motif", "perte")));
        assertThat(deskOnly.status()).as(deskOnly.raw()).isEqualTo(403);
        assertThat(deskOnly.reason()).isEqualTo("channel-not-allowed");

        // the time box (RelaisSystem.CALLER_VERIFICATION) ends: no more reading, no more acting
        await("the phone agent's access ends with the time box")
                .atMost(RelaisSystem.CALLER_VERIFICATION.plusSeconds(15)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Api.as(PAUL).get("/api/phone/journeys/" + journey).status() == 403);
        Reply late = Api.as(PAUL).post("/api/phone/journeys/" + journey + "/back", Map.of("toStepId", "identite"));
        assertThat(late.status()).as(late.raw()).isEqualTo(403);
        assertThat(late.reason()).isEqualTo("verification-required");

        JsonNode asCitizen = Journeys.read(CAMILLE, "portal", journey);
        assertThat(asCitizen.at("/answers/identite/commune-naissance").asText()).isEqualTo("Aubervilliers");
        assertThat(Journeys.channelPath(asCitizen)).containsExactly("portal", "phone");
    }
}
