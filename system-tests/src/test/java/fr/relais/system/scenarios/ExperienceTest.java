package fr.relais.system.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import fr.relais.system.harness.Api;
import fr.relais.system.harness.Journeys;
import fr.relais.system.harness.RelaisSystem;
import fr.relais.system.harness.ServiceProcess;
import fr.relais.testsupport.DemoUser;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.relais.system.harness.Journeys.submit;
import static fr.relais.testsupport.DemoUser.AGNES;
import static fr.relais.testsupport.DemoUser.CAMILLE;
import static fr.relais.testsupport.DemoUser.INES;
import static fr.relais.testsupport.DemoUser.MOHAMED;
import static fr.relais.testsupport.DemoUser.PAUL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Twenty address changes on three paths — all online, online then the phone platform, online then a France Services
 * desk — each ended with the survey on the channel the citizen was on: she answers on the portal, the phone agent or
 * the counter agent records what she said. The owner of the procedure then sees the per-path comparison with the
 * right numbers and the desk path hidden (fewer journeys than k, which the system stack sets to
 * {@value RelaisSystem#EXPERIENCE_MIN_CELL_SIZE}: twenty journeys cannot fill two cells of ten and leave a third
 * under), publishes a comment whose phone number was removed before it was stored, and answers publicly.
 */
@ExtendWith(RelaisSystem.class)
@Order(24)
class ExperienceTest {

    private static final String PROCEDURE = "changement-adresse";
    private static final String SITE = "fs-aubervilliers";
    private static final int ONLINE = 10;
    private static final int BY_PHONE = 6;
    private static final int AT_THE_DESK = 4;
    private static final String PHONE_NUMBER = "06 12 34 56 78";

    private static Api mediationAs(DemoUser user) {
        return Api.at(RelaisSystem.services().mediation(), user);
    }

    @Test
    void twentyJourneysOnThreePathsAreComparedWithoutASmallCellOrAPhoneNumber() throws InterruptedException {
        // the next whole second: truncating now counted a journey an earlier test had started within this second
        Instant since = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), since).toMillis()) + 1);
        List<UUID> online = new ArrayList<>();
        for (int i = 0; i < ONLINE; i++) {
            UUID journey = startedOnline(CAMILLE, "1984-03-12");
            finish(CAMILLE, "portal", journey);
            online.add(journey);
        }
        List<UUID> byPhone = new ArrayList<>();
        for (int i = 0; i < BY_PHONE; i++) {
            UUID journey = startedOnline(MOHAMED, "1951-11-02");
            String code = Journeys.read(MOHAMED, "portal", journey).get("resumeCode").asText();
            Api.as(PAUL).post("/api/phone/verify", Map.of("resumeCode", code, "checkValue", "02/11/1951")).expect(200);
            finish(PAUL, "phone", journey);
            byPhone.add(journey);
        }
        List<UUID> atTheDesk = new ArrayList<>();
        for (int i = 0; i < AT_THE_DESK; i++) {
            UUID journey = startedOnline(CAMILLE, "1984-03-12");
            String code = Journeys.read(CAMILLE, "portal", journey).get("resumeCode").asText();
            Api.as(AGNES).post("/api/desk/check-in", Map.of("resumeCode", code, "checkValue", "1984-03-12")).expect(200);
            Api.as(AGNES).post("/api/desk/journeys/" + journey + "/claim", Map.of()).expect(200);
            finish(AGNES, "desk", journey);
            atTheDesk.add(journey);
        }

        // each survey on the channel the citizen ended on, once mediation-service has read the journey's end
        for (UUID journey : online) {
            Map<String, Object> survey = survey("portal", 4, 5, 4);
            if (journey.equals(online.get(0))) {
                survey.put("comment", "Formulaire clair, mais trop de questions. Appelez-moi au " + PHONE_NUMBER);
            }
            answer(CAMILLE, journey, survey);
        }
        for (UUID journey : byPhone) {
            answer(PAUL, journey, survey("phone", 3, 5, 5));
        }
        for (UUID journey : atTheDesk) {
            answer(AGNES, journey, survey("desk", 2, 4, 3));
        }
        mediationAs(AGNES).post("/experience/journeys/" + atTheDesk.get(0) + "/flags",
                Map.of("code", "missing-document", "stepId", "nouvelle-adresse")).expect(201);
        // the citizen's survey is hers: another citizen's answer is refused as if the journey did not exist
        assertThat(mediationAs(MOHAMED).post("/experience/journeys/" + online.get(1) + "/survey", survey("portal", 1, 1, 1))
                .status()).isEqualTo(404);

        // the owner's page: the two paths with at least k journeys, with their numbers; the desk path hidden
        String ownerPath = "/experience/procedures/" + PROCEDURE + "?since=" + since;
        JsonNode owner = await("the owner's comparison counts the twenty surveys").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> mediationAs(INES).get(ownerPath).expect(200), view -> surveys(view) == ONLINE + BY_PHONE);
        Map<String, JsonNode> paths = byPath(owner.get("paths"));
        assertThat(paths.keySet()).containsExactlyInAnyOrder("portal", "portal+phone");
        assertThat(owner.get("hiddenPaths").asInt()).isEqualTo(1);
        assertRow(paths.get("portal"), ONLINE, 4.0, 5.0, 4.0);
        assertRow(paths.get("portal+phone"), BY_PHONE, 3.0, 5.0, 5.0);
        assertThat(owner.toString()).doesNotContain("portal+desk").doesNotContain(PHONE_NUMBER)
                .doesNotContain(online.get(0).toString());

        // the comment lost the phone number before it was stored; published, everyone reads it so
        JsonNode comment = null;
        for (JsonNode c : owner.get("comments")) {
            if (c.get("text").asText().startsWith("Formulaire clair, mais trop de questions.")) {
                comment = c;
            }
        }
        assertThat(comment).as("the comment, as the owner moderates it: " + owner.get("comments")).isNotNull();
        assertThat(comment.get("text").asText()).isEqualTo("Formulaire clair, mais trop de questions. Appelez-moi au [retiré]");
        assertThat(comment.get("status").asText()).isEqualTo("pending");
        mediationAs(INES).post("/experience/comments/" + comment.get("id").asText() + "/moderation",
                Map.of("decision", "publish")).expect(200);
        String answerText = "La version 2 regroupera les organismes en une seule question, merci pour vos retours.";
        mediationAs(INES).post("/experience/procedures/" + PROCEDURE + "/answers",
                Map.of("text", answerText, "changedInVersion", 2)).expect(201);

        JsonNode published = Api.anonymousAt(RelaisSystem.services().mediation()).get("/experience/transparency?days=1").expect(200);
        JsonNode procedure = null;
        for (JsonNode p : published.get("procedures")) {
            if (p.get("procedureId").asText().equals(PROCEDURE)) {
                procedure = p;
            }
        }
        assertThat(procedure).as("the procedure on the public page: " + published).isNotNull();
        assertThat(published.toString()).doesNotContain(PHONE_NUMBER).doesNotContain(online.get(0).toString());
        for (JsonNode row : procedure.get("paths")) {
            assertThat(row.get("journeys").asInt()).as("a published cell").isGreaterThanOrEqualTo(RelaisSystem.EXPERIENCE_MIN_CELL_SIZE);
        }
        assertThat(byPath(procedure.get("paths")).get("portal").get("journeys").asInt()).isGreaterThanOrEqualTo(ONLINE);
        assertThat(procedure.get("comments").toString()).contains("Appelez-moi au [retiré]");
        assertThat(procedure.get("answers").toString()).contains(answerText);
    }

    private static UUID startedOnline(DemoUser citizen, String birthDate) {
        UUID journey = Journeys.start(citizen, PROCEDURE);
        submit(citizen, "portal", journey, "identite", Map.of("nom", "Martin", "prenoms", "Camille", "date-naissance", birthDate));
        return journey;
    }

    /** The three remaining steps on the channel, then wait for the journey's end. */
    private static void finish(DemoUser user, String channel, UUID journey) {
        submit(user, channel, journey, "nouvelle-adresse", Map.of("adresse", "3 place du Marché", "code-postal", "23000",
                "commune", "Guéret", "date-emmenagement", "2026-11-02"));
        submit(user, channel, journey, "organismes", Map.of("caf", "oui", "assurance-maladie", "oui", "impots", "non",
                "france-travail", "non", "assurance-retraite", "oui"));
        submit(user, channel, journey, "confirmation", Map.of("attestation-sur-l-honneur", "oui"));
    }

    private static Map<String, Object> survey(String channel, int easy, int help, int feeling) {
        Map<String, Object> survey = new HashMap<>();
        survey.put("channel", channel);
        survey.put("easyToUnderstand", easy);
        survey.put("helpWhenNeeded", help);
        survey.put("feelingComparedToBefore", feeling);
        return survey;
    }

    private static void answer(DemoUser user, UUID journey, Map<String, Object> survey) {
        await("the survey of " + journey + " opens for " + user.username()).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> mediationAs(user).get("/experience/journeys/" + journey + "/survey").status() == 200
                        && mediationAs(user).get("/experience/journeys/" + journey + "/survey").expect(200).get("open").asBoolean());
        mediationAs(user).post("/experience/journeys/" + journey + "/survey", survey).expect(201);
    }

    private static long surveys(JsonNode view) {
        long total = 0;
        for (JsonNode row : view.get("paths")) {
            total += row.get("surveys").asLong();
        }
        return total;
    }

    private static Map<String, JsonNode> byPath(JsonNode rows) {
        Map<String, JsonNode> paths = new HashMap<>();
        rows.forEach(row -> paths.put(row.get("path").asText(), row));
        return paths;
    }

    private static void assertRow(JsonNode row, int journeys, double easy, double help, double feeling) {
        assertThat(row.get("journeys").asInt()).as(row.toString()).isEqualTo(journeys);
        assertThat(row.get("completed").asInt()).as(row.toString()).isEqualTo(journeys);
        assertThat(row.get("abandoned").asInt()).as(row.toString()).isZero();
        assertThat(row.get("surveys").asInt()).as(row.toString()).isEqualTo(journeys);
        assertThat(row.get("easyToUnderstand").asDouble()).isEqualTo(easy);
        assertThat(row.get("helpWhenNeeded").asDouble()).isEqualTo(help);
        assertThat(row.get("feelingComparedToBefore").asDouble()).isEqualTo(feeling);
        assertThat(row.get("medianMinutesToComplete").isNumber()).as(row.toString()).isTrue();
    }
}
