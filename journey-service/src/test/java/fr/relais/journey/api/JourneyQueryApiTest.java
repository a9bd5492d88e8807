package fr.relais.journey.api;

import fr.relais.events.channel.Channel;
import fr.relais.events.journey.Actor;
import fr.relais.events.journey.Escalate;
import fr.relais.events.journey.GrantMandate;
import fr.relais.events.journey.MandateDuration;
import fr.relais.events.journey.RequestHandoff;
import fr.relais.events.journey.RevokeMandate;
import fr.relais.events.journey.StartJourney;
import fr.relais.events.journey.GoBack;
import fr.relais.events.journey.SubmitStep;
import fr.relais.journey.TestTopics;
import fr.relais.journey.messaging.CommandBus;
import fr.relais.problem.Problem;
import fr.relais.testsupport.DemoUser;
import fr.relais.testsupport.KeycloakTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** The query API with real Keycloak tokens: who may read what, and the access log that results. */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class JourneyQueryApiTest {

    static CommandBus bus;

    @BeforeAll
    static void connect() {
        bus = new CommandBus();
    }

    @AfterAll
    static void disconnect() throws Exception {
        bus.close();
    }

    static RequestSpecification as(DemoUser user) {
        return given().auth().oauth2(KeycloakTokens.accessToken(user));
    }

    /** A journey of Camille with the identity step done (check value: her birth date, 1984-03-12). */
    static UUID journeyWithIdentity() {
        UUID journeyId = UUID.randomUUID();
        StartJourney start = new StartJourney(UUID.randomUUID(), journeyId, CommandBus.CAMILLE, Instant.now(), "cni-renouvellement");
        bus.sendAccepted(start);
        SubmitStep identite = CommandBus.submitStep(UUID.randomUUID(), journeyId, CommandBus.CAMILLE, "identite",
                Map.of("nom", "Martin", "prenoms", "Camille", "date-naissance", "1984-03-12",
                        "commune-naissance", "Aubervilliers"));
        bus.sendAccepted(identite);
        return journeyId;
    }

    static String resumeCodeOf(UUID journeyId) {
        return as(DemoUser.CAMILLE).get("/journeys/" + journeyId).then().statusCode(200).extract().path("resumeCode");
    }

    @Test
    void theCitizenSeesHerJourneyWithTimelineAnswersAndResumeCode() {
        UUID journeyId = journeyWithIdentity();
        as(DemoUser.CAMILLE).get("/journeys/mine").then().statusCode(200).body("id", hasItem(journeyId.toString()));
        as(DemoUser.CAMILLE).get("/journeys/" + journeyId).then().statusCode(200)
                .body("status", is("IN_PROGRESS"))
                .body("citizenMayAct", is(true))
                .body("currentStep", is("formulaire"))
                .body("resumeCode", matchesPattern("[ACDEFGHJKMNPQRTUVWXY34679]{8}"))
                .body("timeline.what", hasItem("step-completed"))
                .body("timeline.channel", everyItem(is("portal")))
                .body("answers.identite.nom", is("Martin"));
    }

    @Test
    void aStepAnsweredAgainAfterGoingBackShowsItsNewAnswers() {
        UUID journeyId = journeyWithIdentity();
        GoBack back = new GoBack(UUID.randomUUID(), journeyId, CommandBus.CAMILLE, Instant.now(), "identite");
        bus.sendAccepted(back);
        SubmitStep again = CommandBus.submitStep(UUID.randomUUID(), journeyId, CommandBus.CAMILLE, "identite",
                Map.of("nom", "Martin-Durand", "prenoms", "Camille", "date-naissance", "1984-03-12",
                        "commune-naissance", "Saint-Denis"));
        bus.sendAccepted(again);

        as(DemoUser.CAMILLE).get("/journeys/" + journeyId).then().statusCode(200)
                .body("answers.identite.nom", is("Martin-Durand"))
                .body("answers.identite.commune-naissance", is("Saint-Denis"))
                .body("answers.identite.prenoms", is("Camille"));
    }

    @Test
    void theCitizenSeesHerMandatesToWithdrawThemAndAgentsDoNot() {
        UUID journeyId = journeyWithIdentity();
        GrantMandate grant = new GrantMandate(UUID.randomUUID(), journeyId, CommandBus.CAMILLE, Instant.now(), "fs-aubervilliers",
                "cni-renouvellement", MandateDuration.ONE_WEEK);
        bus.send(grant);
        assertThat(bus.outcomeOf(grant.commandId()).path("status").asText()).isEqualTo("ACCEPTED");
        String mandateId = as(DemoUser.CAMILLE).get("/journeys/" + journeyId).then().statusCode(200)
                .body("mandates.site", hasItem("fs-aubervilliers"))
                .body("mandates[0].revoked", is(false))
                .extract().path("mandates[0].mandateId");

        RevokeMandate revoke = new RevokeMandate(UUID.randomUUID(), journeyId, CommandBus.CAMILLE, Instant.now(), UUID.fromString(mandateId));
        bus.send(revoke);
        assertThat(bus.outcomeOf(revoke.commandId()).path("status").asText()).isEqualTo("ACCEPTED");
        as(DemoUser.CAMILLE).get("/journeys/" + journeyId).then().statusCode(200).body("mandates[0].revoked", is(true));
        // withdrawn: the site's agent has no reason to read the journey any more
        as(DemoUser.AGNES).get("/journeys/" + journeyId).then().statusCode(403);
    }

    @Test
    void anotherCitizenCannotReadIt() {
        UUID journeyId = journeyWithIdentity();
        as(DemoUser.MOHAMED).get("/journeys/" + journeyId).then().statusCode(404)
                .contentType(Problem.PROBLEM_JSON);
    }

    @Test
    void aCounterAgentNeedsAReasonAndHerReadIsLogged() {
        UUID journeyId = journeyWithIdentity();
        as(DemoUser.AGNES).get("/journeys/" + journeyId).then().statusCode(403)
                .contentType(Problem.PROBLEM_JSON).body("detail", containsString("no reason"));

        RequestHandoff handoff = new RequestHandoff(UUID.randomUUID(), journeyId, CommandBus.CAMILLE, Instant.now(),
                Channel.DESK, "fs-aubervilliers", "needs-help");
        bus.send(handoff);
        assertThat(bus.outcomeOf(handoff.commandId()).path("status").asText()).isEqualTo("ACCEPTED");

        as(DemoUser.AGNES).get("/queues/desk/fs-aubervilliers").then().statusCode(200).body("journeyId", hasItem(journeyId.toString()));
        as(DemoUser.AGNES).get("/queues/desk/fs-gueret").then().statusCode(403);
        as(DemoUser.AGNES).get("/journeys/" + journeyId).then().statusCode(200)
                .body("accessReason", is("handoff-to-site"))
                .body("citizenMayAct", is(false))
                .body("resumeCode", nullValue())
                .body("answers.identite.nom", is("Martin"));
        as(DemoUser.GILLES).get("/journeys/" + journeyId).then().statusCode(403);

        as(DemoUser.CAMILLE).get("/journeys/" + journeyId + "/access-log").then().statusCode(200)
                .body("actorRole", hasItem("counter-agent"))
                .body("actorSite", hasItem("fs-aubervilliers"))
                .body("action", hasItem("read"));
    }

    /** Mediators are isolated by pool (#15 finding 6): maya's pool is 93, marc's 23. */
    @Test
    void onlyAMediatorOfTheCasesPoolReadsAnEscalatedJourneyAndHerReadIsLogged() {
        UUID journeyId = journeyWithIdentity();
        as(DemoUser.MAYA).get("/journeys/" + journeyId).then().statusCode(404).contentType(Problem.PROBLEM_JSON);

        Escalate escalate = new Escalate(UUID.randomUUID(), journeyId, Actor.system("mediation-service"), Instant.now(),
                UUID.randomUUID(), "friction-threshold", "93");
        bus.send(escalate);
        assertThat(bus.outcomeOf(escalate.commandId()).path("journeyStatus").asText()).isEqualTo("ESCALATED");

        as(DemoUser.MARC).get("/journeys/" + journeyId).then().statusCode(404).contentType(Problem.PROBLEM_JSON)
                .body("detail", containsString("in your pool"));
        as(DemoUser.MAYA).get("/journeys/" + journeyId).then().statusCode(200)
                .body("accessReason", is("mediation"))
                .body("escalated", is(true));
        as(DemoUser.CAMILLE).get("/journeys/" + journeyId + "/access-log").then().statusCode(200)
                .body("findAll { it.actorRole == 'mediator' }.size()", is(1))
                .body("find { it.actorRole == 'mediator' }.reason", is("mediation"))
                .body("find { it.actorRole == 'mediator' }.action", is("read"));
    }

    @Test
    void aCaseThatNamesNoPoolLetsNoMediatorRead() {
        UUID journeyId = journeyWithIdentity();
        Escalate withoutPool = new Escalate(UUID.randomUUID(), journeyId, Actor.system("mediation-service"), Instant.now(),
                UUID.randomUUID(), "friction-threshold");
        bus.send(withoutPool);
        assertThat(bus.outcomeOf(withoutPool.commandId()).path("journeyStatus").asText()).isEqualTo("ESCALATED");
        as(DemoUser.MAYA).get("/journeys/" + journeyId).then().statusCode(404);
        as(DemoUser.MARC).get("/journeys/" + journeyId).then().statusCode(404);
    }

    @Test
    void aPhoneAgentFindsAJourneyByResumeCodeAndCheckValueAndWrongValuesLockTheCode() {
        UUID journeyId = journeyWithIdentity();
        String code = resumeCodeOf(journeyId);

        as(DemoUser.PAUL).contentType("application/json").body(Map.of("resumeCode", code, "checkValue", "12/03/1984"))
                .post("/journeys/lookup").then().statusCode(200).body("journeyId", is(journeyId.toString()));

        UUID other = journeyWithIdentity();
        String otherCode = resumeCodeOf(other);
        for (int i = 0; i < 3; i++) {
            as(DemoUser.PAUL).contentType("application/json").body(Map.of("resumeCode", otherCode, "checkValue", "1984-03-13"))
                    .post("/journeys/lookup").then().statusCode(404).body("type", containsString("no-match"));
        }
        as(DemoUser.PAUL).contentType("application/json").body(Map.of("resumeCode", otherCode, "checkValue", "1984-03-12"))
                .post("/journeys/lookup").then().statusCode(429).body("type", containsString("resume-code-locked"));
    }

    @Test
    void badLookupsGetPreciseProblems() {
        as(DemoUser.PAUL).contentType("application/json").body(Map.of("resumeCode", "0O1I", "checkValue", "1984-03-12"))
                .post("/journeys/lookup").then().statusCode(400).contentType(Problem.PROBLEM_JSON);
        as(DemoUser.PAUL).contentType("application/json").body("{not json")
                .post("/journeys/lookup").then().statusCode(400).contentType(Problem.PROBLEM_JSON);
        as(DemoUser.CAMILLE).contentType("application/json").body(Map.of("resumeCode", "ACDEFGHJ", "checkValue", "1984-03-12"))
                .post("/journeys/lookup").then().statusCode(403);
        as(DemoUser.CAMILLE).get("/journeys/" + UUID.randomUUID()).then().statusCode(404).contentType(Problem.PROBLEM_JSON);
        given().get("/journeys/mine").then().statusCode(401);
    }

    @Test
    void proceduresAreListedAtTheirCurrentVersion() {
        as(DemoUser.CAMILLE).get("/procedures").then().statusCode(200)
                .body("id", hasItem("cni-renouvellement")).body("id", hasItem("aide-logement")).body("id", hasItem("changement-adresse"));
        as(DemoUser.CAMILLE).get("/procedures/cni-renouvellement/versions/1").then().statusCode(200).body("version", is(1))
                .body("steps[0].id", is("identite")).body("steps[0].channels", notNullValue());
        as(DemoUser.CAMILLE).get("/procedures/passeport-martien").then().statusCode(404);
    }
}
