package fr.relais.mediation.api;

import fr.relais.events.channel.Channel;
import fr.relais.events.channel.TouchpointKind;
import fr.relais.events.mediation.MediationCaseOpened;
import fr.relais.mediation.Bus;
import fr.relais.mediation.Db;
import fr.relais.mediation.FakeJourneyService;
import fr.relais.mediation.TestTopics;
import fr.relais.problem.Problem;
import fr.relais.testsupport.DemoUser;
import fr.relais.testsupport.KeycloakTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

/**
 * Routing by skill with real tokens: maya (pool 93, langue-arabe), marc (pool 23, handicap-visuel).
 * {@link #theSkillsAreLearntFromJourneyServiceWithTheServiceToken} needs the realm's confidential client
 * mediation-service (its service account's token): it passes once Keycloak has imported this change's realm file.
 * The others pass with the realm as it is (the skills are set in the database, or journey-service does not answer).
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
@QuarkusTestResource(FakeJourneyService.class)
class SkillRoutingApiTest {

    static Bus bus;

    @BeforeAll
    static void connect() {
        bus = new Bus();
    }

    @AfterAll
    static void disconnect() throws Exception {
        bus.close();
    }

    static RequestSpecification as(DemoUser user) {
        return given().auth().oauth2(KeycloakTokens.accessToken(user));
    }

    /** A help request at a site (its pool); returns the case id. */
    static UUID caseAt(UUID journeyId, String site) {
        bus.touch(Bus.touchpoint(journeyId, TouchpointKind.HELP_REQUESTED, "formulaire", Channel.DESK, site, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> bus.mediationOf(journeyId, MediationCaseOpened.class).size() == 1);
        return Bus.read(bus.mediationOf(journeyId, MediationCaseOpened.class).get(0), MediationCaseOpened.class).caseId();
    }

    static void knownSkills(UUID caseId, String stored) {
        assertThat(Db.update("update case_routing set required_skills = ?, known_at = now(), next_lookup_at = null"
                + " where case_id = ?", stored, caseId)).isEqualTo(1);
    }

    @Test
    void aMediatorWithoutTheSkillWaitsUntilTheFirstContactDeadline() {
        UUID journeyId = UUID.randomUUID();
        FakeJourneyService.down(journeyId);
        UUID caseId = caseAt(journeyId, "fs-gueret");
        knownSkills(caseId, "langue-arabe");

        as(DemoUser.MARC).get("/cases/" + caseId).then().statusCode(200)
                .body("mediationCase.requiredSkills", contains("langue-arabe"))
                .body("mediationCase.skillMatch", is("missing"))
                .body("mediationCase.missingSkills", contains("langue-arabe"));
        as(DemoUser.MARC).post("/cases/" + caseId + "/claim").then().statusCode(409).contentType(Problem.PROBLEM_JSON)
                .body("type", is("https://relais.example/problems/skill-required"));

        // past its first-contact deadline, any mediator of the pool may take it
        Db.update("update mediation_case set first_contact_due_at = now() - interval '1 minute' where id = ?", caseId);
        as(DemoUser.MARC).get("/cases/" + caseId).then().body("mediationCase.skillMatch", is("open-to-all"));
        as(DemoUser.MARC).post("/cases/" + caseId + "/claim").then().statusCode(200).body("status", is("claimed"));
    }

    @Test
    void casesAMediatorMatchesComeFirstInHerQueue() {
        UUID plain = UUID.randomUUID();
        UUID arabic = UUID.randomUUID();
        FakeJourneyService.down(plain);
        FakeJourneyService.down(arabic);
        UUID plainCase = caseAt(plain, "fs-saint-denis");
        UUID arabicCase = caseAt(arabic, "fs-saint-denis");
        knownSkills(plainCase, "");
        knownSkills(arabicCase, "langue-arabe");

        List<String> queue = as(DemoUser.MAYA).get("/cases/queue").then().statusCode(200)
                .body("find { it.id == '" + arabicCase + "' }.skillMatch", is("matched"))
                .body("find { it.id == '" + plainCase + "' }.skillMatch", is("none-required"))
                .extract().path("id");
        assertThat(queue.indexOf(arabicCase.toString())).isLessThan(queue.indexOf(plainCase.toString()));
        as(DemoUser.MAYA).post("/cases/" + arabicCase + "/claim").then().statusCode(200);
    }

    @Test
    void whileJourneyServiceDoesNotAnswerTheCaseOpensWithSkillsUnknownAndTheLookupIsRetried() {
        UUID journeyId = UUID.randomUUID();
        FakeJourneyService.down(journeyId);
        UUID caseId = caseAt(journeyId, "fs-aubusson");
        as(DemoUser.MARC).get("/cases/" + caseId).then().statusCode(200)
                .body("mediationCase.requiredSkills", nullValue())
                .body("mediationCase.skillMatch", is("unknown"));
        // tried, failed, tried again after a delay: never lost
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.count(
                "select count(*) from case_routing where case_id = ? and attempts >= 2 and required_skills is null", caseId) == 1);
        assertThat(Db.count("select count(*) from case_routing where case_id = ? and next_lookup_at > now()", caseId)).isEqualTo(1);
        // unknown skills never hold a case back
        as(DemoUser.MARC).post("/cases/" + caseId + "/claim").then().statusCode(200);
    }

    @Test
    void theSkillsAreLearntFromJourneyServiceWithTheServiceToken() {
        UUID journeyId = UUID.randomUUID();
        FakeJourneyService.skills(journeyId, List.of("handicap-visuel"));
        UUID caseId = caseAt(journeyId, "fs-gueret");
        await().atMost(Duration.ofSeconds(20)).until(() -> Db.count(
                "select count(*) from case_routing where case_id = ? and required_skills = 'handicap-visuel'", caseId) == 1);
        assertThat(FakeJourneyService.calls(journeyId)).isPositive();
        as(DemoUser.MARC).get("/cases/" + caseId).then().statusCode(200)
                .body("mediationCase.requiredSkills", contains("handicap-visuel"))
                .body("mediationCase.skillMatch", is("matched"));
    }
}
