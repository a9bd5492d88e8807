package fr.relais.mediation.experience;

import fr.relais.events.Topics;
import fr.relais.events.channel.Channel;
import fr.relais.events.journey.Actor;
import fr.relais.events.journey.HandoffRequested;
import fr.relais.events.journey.JourneyAbandoned;
import fr.relais.events.journey.JourneyClaimed;
import fr.relais.events.journey.JourneyCompleted;
import fr.relais.events.journey.JourneyStarted;
import fr.relais.events.journey.StepCompleted;
import fr.relais.mediation.Bus;
import fr.relais.mediation.TestTopics;
import fr.relais.problem.Problem;
import fr.relais.testsupport.DemoUser;
import fr.relais.testsupport.KeycloakTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/**
 * The experience API against real Keycloak tokens, Kafka and PostgreSQL: who may answer a journey's survey, what a
 * comment keeps, what the path comparison counts, and that a cell of fewer than k journeys never leaves the service.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class ExperienceApiTest {

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
        return given().auth().oauth2(KeycloakTokens.accessToken(user)).contentType(ContentType.JSON);
    }

    static String subjectOf(DemoUser user) {
        return KeycloakTokens.claims(user).get("sub").asText();
    }

    /** A journey of the procedure started on the channel, a step done on each further channel, then ended. */
    static UUID journey(String procedure, Actor starter, List<Actor> helpers, boolean completed) {
        UUID journeyId = UUID.randomUUID();
        Instant at = Instant.now().minus(30, ChronoUnit.MINUTES);
        long sequence = 1;
        bus.send(Topics.JOURNEY_EVENTS, new JourneyStarted(journeyId, sequence++, at, starter, procedure, 1, "situation"));
        bus.send(Topics.JOURNEY_EVENTS, new StepCompleted(journeyId, sequence++, at.plusSeconds(120), starter, "situation",
                "logement", List.of("statut")));
        for (Actor helper : helpers) {
            at = at.plusSeconds(600);
            bus.send(Topics.JOURNEY_EVENTS, new StepCompleted(journeyId, sequence++, at, helper, "logement", "ressources",
                    List.of("type")));
        }
        Actor last = helpers.isEmpty() ? starter : helpers.get(helpers.size() - 1);
        bus.send(Topics.JOURNEY_EVENTS, completed
                ? new JourneyCompleted(journeyId, sequence, at.plusSeconds(180), last)
                : new JourneyAbandoned(journeyId, sequence, at.plusSeconds(180), last, "timeout"));
        return journeyId;
    }

    static Actor citizen(DemoUser user) {
        return new Actor(subjectOf(user), Set.of("citizen"), null, Channel.PORTAL);
    }

    static final Actor AGNES_AT_DESK = new Actor("agnes-sub", Set.of("counter-agent"), "fs-aubervilliers", Channel.DESK);

    static void awaitEnded(UUID journeyId, DemoUser user) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(user).get("/experience/journeys/" + journeyId + "/survey")
                .then().statusCode(200).body("open", is(true)));
    }

    @Test
    void theOwnerAnswersHerSurveyOnceAndAComplaintKeepsNoPhoneNumber() {
        UUID journeyId = journey("aide-logement", citizen(DemoUser.CAMILLE), List.of(), true);
        awaitEnded(journeyId, DemoUser.CAMILLE);
        as(DemoUser.CAMILLE).get("/experience/journeys/" + journeyId + "/survey").then().body("answered", is(false));

        as(DemoUser.MOHAMED).body(Map.of("channel", "portal", "easyToUnderstand", 4))
                .post("/experience/journeys/" + journeyId + "/survey").then().statusCode(404).contentType(Problem.PROBLEM_JSON);
        as(DemoUser.CAMILLE).body(Map.of("channel", "desk", "easyToUnderstand", 4))
                .post("/experience/journeys/" + journeyId + "/survey").then().statusCode(403);
        as(DemoUser.CAMILLE).body(Map.of("channel", "portal", "easyToUnderstand", 6))
                .post("/experience/journeys/" + journeyId + "/survey").then().statusCode(400).body("field", is("easyToUnderstand"));
        as(DemoUser.CAMILLE).body(Map.of("channel", "portal"))
                .post("/experience/journeys/" + journeyId + "/survey").then().statusCode(400);

        as(DemoUser.CAMILLE).body(Map.of("channel", "portal", "easyToUnderstand", 2, "helpWhenNeeded", 3,
                        "comment", "Trop long. Rappelez-moi au 06 12 34 56 78 ou camille.martin@example.org"))
                .post("/experience/journeys/" + journeyId + "/survey").then().statusCode(201)
                .body("commentStatus", is("pending")).body("redactions", is(2));
        as(DemoUser.CAMILLE).body(Map.of("channel", "portal", "easyToUnderstand", 5))
                .post("/experience/journeys/" + journeyId + "/survey").then().statusCode(409)
                .body("type", containsString("survey-already-answered"));
        as(DemoUser.CAMILLE).get("/experience/journeys/" + journeyId + "/survey").then()
                .body("open", is(false)).body("answered", is(true));

        // the owner of aide-logement sees the comment without the phone number, publishes it; the public sees it
        Response view = as(DemoUser.INES).get("/experience/procedures/aide-logement?days=1");
        view.then().statusCode(200);
        List<Map<String, Object>> comments = view.jsonPath().getList("comments");
        Map<String, Object> mine = comments.stream().filter(c -> String.valueOf(c.get("text")).startsWith("Trop long. Rappelez-moi au [retiré]"))
                .findFirst().orElseThrow();
        assertThat(view.asString()).doesNotContain("06 12 34 56 78").doesNotContain("camille.martin");
        assertThat(mine.get("status")).isEqualTo("pending");
        as(DemoUser.MOHAMED).body(Map.of("decision", "publish")).post("/experience/comments/" + mine.get("id") + "/moderation")
                .then().statusCode(403);
        as(DemoUser.INES).body(Map.of("decision", "publish")).post("/experience/comments/" + mine.get("id") + "/moderation")
                .then().statusCode(200).body("status", is("published"));
        given().get("/experience/transparency?days=1").then().statusCode(200)
                .body(containsString("Trop long. Rappelez-moi au [retiré] ou [retiré]"))
                .body(not(containsString(journeyId.toString())));
    }

    @Test
    void anAgentRecordsTheSurveyAtTheDeskOfHerSiteOnlyAndFlagsADifficulty() {
        UUID atHerDesk = journey("aide-logement", citizen(DemoUser.MOHAMED), List.of(AGNES_AT_DESK), true);
        awaitEnded(atHerDesk, DemoUser.MOHAMED);
        as(DemoUser.GILLES).body(Map.of("channel", "desk", "helpWhenNeeded", 5))
                .post("/experience/journeys/" + atHerDesk + "/survey").then().statusCode(404);
        as(DemoUser.AGNES).body(Map.of("channel", "portal", "helpWhenNeeded", 5))
                .post("/experience/journeys/" + atHerDesk + "/survey").then().statusCode(403);
        as(DemoUser.AGNES).body(Map.of("channel", "desk", "helpWhenNeeded", 5, "feelingComparedToBefore", 4))
                .post("/experience/journeys/" + atHerDesk + "/survey").then().statusCode(201).body("commentStatus", is("none"));
        as(DemoUser.AGNES).body(Map.of("code", "missing-document", "stepId", "justificatifs"))
                .post("/experience/journeys/" + atHerDesk + "/flags").then().statusCode(201).body("code", is("missing-document"));
        as(DemoUser.AGNES).body(Map.of("code", "bored"))
                .post("/experience/journeys/" + atHerDesk + "/flags").then().statusCode(400).body("field", is("code"));
        as(DemoUser.GILLES).body(Map.of("code", "language"))
                .post("/experience/journeys/" + atHerDesk + "/flags").then().statusCode(404);
        as(DemoUser.MOHAMED).body(Map.of("code", "language"))
                .post("/experience/journeys/" + atHerDesk + "/flags").then().statusCode(403);
    }

    @Test
    void thePathComparisonCountsEachPathAndHidesACellOfFewerThanTenJourneys() {
        String procedure = "essai-" + UUID.randomUUID().toString().substring(0, 8);
        Actor online = new Actor("c-" + UUID.randomUUID(), Set.of("citizen"), null, Channel.PORTAL);
        List<UUID> portalOnly = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            portalOnly.add(journey(procedure, online, List.of(), i < 8));
        }
        for (int i = 0; i < 3; i++) {
            journey(procedure, online, List.of(AGNES_AT_DESK), true);
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(DemoUser.OLGA)
                .get("/experience/procedures/" + procedure + "?days=1").then().statusCode(200)
                .body("paths.find { it.path == 'portal' }.journeys", is(10))
                .body("hiddenPaths", is(1)));
        Response view = as(DemoUser.OLGA).get("/experience/procedures/" + procedure + "?days=1");
        view.then().body("paths.size()", is(1))
                .body("paths[0].completed", is(8)).body("paths[0].abandoned", is(2))
                .body("minCellSize", is(10));
        assertThat(view.jsonPath().getDouble("paths[0].medianMinutesToComplete")).isEqualTo(3.0);
        assertThat(view.asString()).doesNotContain("portal+desk");

        as(DemoUser.INES).get("/experience/procedures/" + procedure).then().statusCode(404);
        as(DemoUser.CAMILLE).get("/experience/procedures/" + procedure).then().statusCode(403);
        given().get("/experience/procedures/" + procedure).then().statusCode(401);

        String published = given().get("/experience/transparency?days=1").then().statusCode(200).extract().asString();
        assertThat(published).contains(procedure).doesNotContain("portal+desk\",\"journeys\":3");
        String csv = given().get("/experience/open-data?format=csv").then().statusCode(200)
                .contentType(containsString("text/csv")).header("Content-Disposition", containsString("relais-experience-"))
                .extract().asString();
        assertThat(csv).startsWith(PathRow.CSV_HEADER + "\n").doesNotContain(online.subject());
    }

    @Test
    void aSitesWorkloadCountsClaimsPerAgentHourAndTheWaitAfterAHandoffAndHidesASmallSite() {
        String busy = "essai-" + UUID.randomUUID().toString().substring(0, 8);
        String quiet = busy + "-calme";
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(2, ChronoUnit.HOURS);
        Actor citizen = new Actor("c-" + UUID.randomUUID(), Set.of("citizen"), null, Channel.PORTAL);
        for (int i = 0; i < 12; i++) {
            // two agents, each within one hour: 12 claims in 2 agent-hours; every claim 20 minutes after the hand-off
            Actor agent = new Actor(i % 2 == 0 ? "agent-a" : "agent-b", Set.of("counter-agent"), busy, Channel.DESK);
            handedOffThenClaimed(citizen, busy, agent, hour.plusSeconds(60L * i));
        }
        Actor alone = new Actor("agent-c", Set.of("counter-agent"), quiet, Channel.DESK);
        for (int i = 0; i < 3; i++) {
            handedOffThenClaimed(citizen, quiet, alone, hour.plusSeconds(60L * i));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(DemoUser.OLGA).get("/experience/sites?days=1")
                .then().statusCode(200)
                .body("sites.find { it.site == '" + busy + "' }.journeysHandled", is(12))
                .body("sites.find { it.site == '" + busy + "' }.claims", is(12))
                .body("sites.find { it.site == '" + busy + "' }.agentHours", is(2))
                .body("sites.find { it.site == '" + busy + "' }.claimsPerAgentHour", is(6.0f))
                .body("sites.find { it.site == '" + busy + "' }.meanHandoffWaitMinutes", is(20.0f)));
        assertThat(as(DemoUser.OLGA).get("/experience/sites?days=1").asString()).doesNotContain(quiet).doesNotContain("agent-a");
        as(DemoUser.INES).get("/experience/sites").then().statusCode(403);
        as(DemoUser.AGNES).get("/experience/sites").then().statusCode(403);
    }

    private static void handedOffThenClaimed(Actor citizen, String site, Actor agent, Instant at) {
        UUID journeyId = UUID.randomUUID();
        bus.send(Topics.JOURNEY_EVENTS, new JourneyStarted(journeyId, 1, at.minusSeconds(600), citizen, "aide-logement", 1, "situation"));
        bus.send(Topics.JOURNEY_EVENTS, new HandoffRequested(journeyId, 2, at, citizen, Channel.DESK, site, "identity-check"));
        bus.send(Topics.JOURNEY_EVENTS, new JourneyClaimed(journeyId, 3, at.plusSeconds(1200), agent, Channel.DESK, site));
    }

    @Test
    void theOwnerAnswersPubliclyForHerProcedureOnly() {
        as(DemoUser.INES).body(Map.of("text", "La v2 fusionne deux étapes après vos commentaires.", "changedInVersion", 2))
                .post("/experience/procedures/aide-logement/answers").then().statusCode(201).body("changedInVersion", is(2));
        as(DemoUser.INES).body(Map.of("text", "Réponse"))
                .post("/experience/procedures/cni-renouvellement/answers").then().statusCode(404);
        as(DemoUser.OLGA).body(Map.of("text", "Réponse"))
                .post("/experience/procedures/aide-logement/answers").then().statusCode(403);
        as(DemoUser.INES).body(Map.of("text", " "))
                .post("/experience/procedures/aide-logement/answers").then().statusCode(400);
        given().get("/experience/transparency?days=1").then().statusCode(200)
                .body(containsString("La v2 fusionne deux étapes après vos commentaires."));
        as(DemoUser.INES).get("/experience/procedures").then().statusCode(200)
                .body("", is(List.of("aide-logement", "changement-adresse")));
    }
}
