package fr.relais.mediation.api;

import fr.relais.events.channel.Channel;
import fr.relais.events.channel.TouchpointKind;
import fr.relais.events.journey.Deescalate;
import fr.relais.events.mediation.MediationCaseOpened;
import fr.relais.events.mediation.MediationCaseResolved;
import fr.relais.events.mediation.MediationContactRecorded;
import fr.relais.mediation.Bus;
import fr.relais.mediation.Db;
import fr.relais.mediation.TestTopics;
import fr.relais.problem.Problem;
import fr.relais.testsupport.DemoUser;
import fr.relais.testsupport.KeycloakTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static fr.relais.testsupport.ServiceEndpointsContract.management;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/** The mediator API with real Keycloak tokens: maya (pool 93), marc (pool 23). */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class MediatorApiTest {

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

    /** A citizen asks for help on the portal (no site yet: default pool 93, or the site's pool); returns the case id. */
    static UUID caseFor(UUID journeyId, Channel channel, String site) {
        bus.touch(Bus.touchpoint(journeyId, TouchpointKind.HELP_REQUESTED, "formulaire", channel, site, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> bus.mediationOf(journeyId, MediationCaseOpened.class).size() == 1);
        return Bus.read(bus.mediationOf(journeyId, MediationCaseOpened.class).get(0), MediationCaseOpened.class).caseId();
    }

    @Test
    void mayaSeesTheCaseOfHerPoolAndMarcDoesNot() {
        UUID journeyId = UUID.randomUUID();
        UUID caseId = caseFor(journeyId, Channel.PORTAL, null);

        as(DemoUser.MAYA).get("/cases/queue").then().statusCode(200)
                .body("journeyId", hasItem(journeyId.toString()))
                .body("find { it.id == '" + caseId + "' }.priority", is("high"))
                .body("find { it.id == '" + caseId + "' }.pool", is("93"));
        as(DemoUser.MARC).get("/cases/queue").then().statusCode(200).body("id", not(hasItem(caseId.toString())));
        as(DemoUser.MARC).get("/cases/queue?pool=93").then().statusCode(403).contentType(Problem.PROBLEM_JSON);
        as(DemoUser.MARC).get("/cases/" + caseId).then().statusCode(404).contentType(Problem.PROBLEM_JSON);
        as(DemoUser.MARC).post("/cases/" + caseId + "/claim").then().statusCode(404);
        as(DemoUser.CAMILLE).get("/cases/queue").then().statusCode(403);
        given().get("/cases/queue").then().statusCode(401);
        as(DemoUser.MAYA).get("/cases/" + UUID.randomUUID()).then().statusCode(404).contentType(Problem.PROBLEM_JSON);
        as(DemoUser.MAYA).get("/cases/" + caseId).then().statusCode(200)
                .body("mediationCase.status", is("open"))
                .body("history.action", hasItem("opened"));
    }

    @Test
    void aCaseClaimedByAnotherMediatorOfThePoolIsAConflict() {
        UUID journeyId = UUID.randomUUID();
        UUID caseId = caseFor(journeyId, Channel.PORTAL, null);
        // the realm has one mediator per pool: a second pool-93 mediator's claim is written as the service would
        Db.update("update mediation_case set status = 'CLAIMED', claimed_by = 'another-mediator-of-93', claimed_at = now() where id = ?", caseId);
        as(DemoUser.MAYA).post("/cases/" + caseId + "/claim").then().statusCode(409)
                .contentType(Problem.PROBLEM_JSON)
                .body("type", is("https://relais.example/problems/already-claimed"));
        as(DemoUser.MAYA).contentType(ContentType.JSON).body("{\"outcome\":\"helped-online\"}")
                .post("/cases/" + caseId + "/resolve").then().statusCode(409);
    }

    @Test
    void claimContactAndResolveSendDeescalate() {
        UUID journeyId = UUID.randomUUID();
        UUID caseId = caseFor(journeyId, Channel.PHONE, "fs-gueret");
        as(DemoUser.MAYA).post("/cases/" + caseId + "/claim").then().statusCode(404);
        as(DemoUser.MARC).post("/cases/" + caseId + "/claim").then().statusCode(200)
                .body("status", is("claimed"))
                .body("claimedBy", is(KeycloakTokens.claims(DemoUser.MARC).path("sub").asText()));
        as(DemoUser.MARC).post("/cases/" + caseId + "/claim").then().statusCode(200); // idempotent for the same mediator

        as(DemoUser.MARC).contentType(ContentType.JSON).body("{\"outcome\":\"no-answer\",\"note\":\"rappel +33 5 55 12 34 56\"}")
                .post("/cases/" + caseId + "/contacts").then().statusCode(400).body("type", is("https://relais.example/problems/invalid-note"));
        as(DemoUser.MARC).contentType(ContentType.JSON).body("{\"outcome\":\"shouted\"}")
                .post("/cases/" + caseId + "/contacts").then().statusCode(400);
        as(DemoUser.MARC).contentType(ContentType.JSON).body("{\"outcome\":\"reached\",\"note\":\"rendez-vous au guichet proposé\"}")
                .post("/cases/" + caseId + "/contacts").then().statusCode(201)
                .body("contactAttempts", is(1));
        as(DemoUser.MARC).contentType(ContentType.JSON).body("{not json")
                .post("/cases/" + caseId + "/resolve").then().statusCode(400);
        as(DemoUser.MARC).contentType(ContentType.JSON).body("{\"outcome\":\"booked-desk-appointment\"}")
                .post("/cases/" + caseId + "/resolve").then().statusCode(200)
                .body("status", is("resolved"))
                .body("outcome", is("booked-desk-appointment"));

        await().atMost(Duration.ofSeconds(20)).until(() -> bus.commandsOf(journeyId, Deescalate.class).size() == 1
                && bus.mediationOf(journeyId, MediationCaseResolved.class).size() == 1);
        Deescalate deescalate = Bus.read(bus.commandsOf(journeyId, Deescalate.class).get(0), Deescalate.class);
        assertThat(deescalate.caseId()).isEqualTo(caseId);
        assertThat(deescalate.outcome()).isEqualTo("booked-desk-appointment");
        assertThat(deescalate.actor().subject()).isEqualTo("mediation-service");
        assertThat(bus.mediationOf(journeyId, MediationContactRecorded.class)).hasSize(1);

        as(DemoUser.MARC).get("/cases/queue").then().statusCode(200).body("id", not(hasItem(caseId.toString())));
        as(DemoUser.MARC).contentType(ContentType.JSON).body("{\"outcome\":\"helped-online\"}")
                .post("/cases/" + caseId + "/resolve").then().statusCode(409);
        List<String> actions = as(DemoUser.MARC).get("/cases/" + caseId).then().statusCode(200).extract().path("history.action");
        assertThat(actions).containsExactly("opened", "claimed", "contact", "resolved");

        // metrics: low-cardinality tags only, no ids
        String metrics = management().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("relais_mediation_cases_opened_total{", "relais_mediation_cases_resolved_total{",
                "outcome=\"booked-desk-appointment\"", "relais_mediation_signals_total{", "kind=\"help-requested\"",
                "relais_mediation_time_to_first_contact_seconds");
        assertThat(metrics).doesNotContain(journeyId.toString()).doesNotContain(caseId.toString());

        as(DemoUser.OLGA).get("/statistics?days=7").then().statusCode(200)
                .body("friction.signal", hasItem("help-requested"))
                .body("outcomes.outcome", hasItem("booked-desk-appointment"));
        as(DemoUser.OLGA).get("/statistics?days=0").then().statusCode(400);
        as(DemoUser.CAMILLE).get("/statistics").then().statusCode(403);

        // resolved: the friction that opened the case no longer counts, a small new signal opens nothing…
        bus.touch(Bus.touchpoint(journeyId, TouchpointKind.VALIDATION_ERROR, "formulaire", Channel.PORTAL, null, Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> as(DemoUser.MARC).get("/journeys/" + journeyId + "/friction")
                .then().extract().path("contributions.kind").toString().contains("validation-error"));
        as(DemoUser.MARC).get("/journeys/" + journeyId + "/friction").then().statusCode(200)
                .body("contributions.kind", not(hasItem("help-requested")));
        // (a case would have been opened in the signal's own transaction, so the queue already shows it if any)
        as(DemoUser.MARC).get("/cases/queue").then().statusCode(200).body("journeyId", not(hasItem(journeyId.toString())));
        // …and a new "I need help" opens a new case for the same journey
        bus.touch(Bus.touchpoint(journeyId, TouchpointKind.HELP_REQUESTED, "formulaire", Channel.PHONE, "fs-gueret", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> bus.mediationOf(journeyId, MediationCaseOpened.class).size() == 2);
    }
}
