package fr.relais.gateway;

import fr.relais.events.Topics;
import fr.relais.gateway.stub.JourneyServiceStub;
import fr.relais.testsupport.DemoUser;
import fr.relais.testsupport.KeycloakTokens;
import fr.relais.testsupport.TopicCollector;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

/**
 * Touchpoints come only from decided, accepted outcomes or from validated client signals: a refused request, or one
 * naming no step of the journey, puts nothing on channel.touchpoints (where it would raise friction, escalate the
 * journey and reach a metric label).
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class TouchpointAuthorityTest {

    static FakeJourneyService journeyService;
    static TopicCollector touchpoints;

    @BeforeAll
    static void start() {
        journeyService = new FakeJourneyService();
        touchpoints = new TopicCollector(TestTopics.of(Topics.CHANNEL_TOUCHPOINTS));
    }

    @AfterAll
    static void stop() throws Exception {
        journeyService.close();
        touchpoints.close();
    }

    static RequestSpecification as(DemoUser user) {
        return given().auth().oauth2(KeycloakTokens.accessToken(user)).contentType("application/json");
    }

    static UUID camillesJourney() {
        UUID id = UUID.randomUUID();
        JourneyServiceStub.OWNERS.put(id, KeycloakTokens.claims(DemoUser.CAMILLE).path("sub").asText());
        return id;
    }

    /** Waits for the touchpoint of a request accepted last (same journey, same partition: it comes after any earlier one). */
    static List<TopicCollector.Received> touchpointsUpTo(UUID journey, String lastKind) {
        await().atMost(Duration.ofSeconds(10)).until(() -> touchpoints.forKey(journey.toString()).stream()
                .anyMatch(r -> r.value().contains(lastKind)));
        return touchpoints.forKey(journey.toString());
    }

    @Test
    void aRefusedStepBackRaisesNoFrictionAndAnAcceptedOneNamesTheAcceptedStep() {
        UUID journey = camillesJourney();
        // a phone agent with no verified call: journey-service refuses
        as(DemoUser.PAUL).body(Map.of("toStepId", "identite")).post("/api/phone/journeys/" + journey + "/back")
                .then().statusCode(403).body("reason", is("verification-required"));
        // a desk agent with no claim: refused too
        as(DemoUser.AGNES).body(Map.of("toStepId", "justificatifs")).post("/api/desk/journeys/" + journey + "/back")
                .then().statusCode(403);
        // a step the procedure does not have: refused by journey-service
        as(DemoUser.CAMILLE).body(Map.of("toStepId", "etape-inventee")).post("/api/portal/journeys/" + journey + "/back")
                .then().statusCode(404).body("reason", is("unknown-step"));
        // not even a step id: refused at the gateway
        as(DemoUser.CAMILLE).body(Map.of("toStepId", "Mme Martin <script>")).post("/api/portal/journeys/" + journey + "/back")
                .then().statusCode(400).contentType("application/problem+json").body("field", is("toStepId"));
        // the one accepted step back
        as(DemoUser.CAMILLE).body(Map.of("toStepId", "identite")).post("/api/portal/journeys/" + journey + "/back")
                .then().statusCode(200);

        List<TopicCollector.Received> sent = touchpointsUpTo(journey, "went-back");
        assertThat(sent).as("only the accepted step back is a touchpoint").hasSize(1);
        assertThat(sent.get(0).value()).contains("\"stepId\":\"identite\"").contains("\"channel\":\"portal\"")
                .doesNotContain("etape-inventee", "script", "phone", "desk");
    }

    @Test
    void aRetriedStepBackPublishesTheSameTouchpointAgain() throws Exception {
        UUID journey = camillesJourney();
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            as(DemoUser.CAMILLE).header("Idempotency-Key", key).body(Map.of("toStepId", "justificatifs"))
                    .post("/api/portal/journeys/" + journey + "/back").then().statusCode(200);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> touchpoints.forKey(journey.toString()).size() == 2);
        // both answers carry the one command's touchpoint id: mediation-service counts it once
        assertThat(touchpoints.forKey(journey.toString()).stream()
                .map(r -> readTree(r.value()).path("touchpointId").asText()).distinct()).hasSize(1);
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
        try {
            return fr.relais.events.ContractJson.mapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aSignalOrAPleaForHelpNamingNoStepOfTheJourneyIsRefusedAndRaisesNothing() {
        // Mohamed: Camille's signal allowance is spent by other tests (a token bucket per caller)
        UUID journey = UUID.randomUUID();
        JourneyServiceStub.OWNERS.put(journey, KeycloakTokens.claims(DemoUser.MOHAMED).path("sub").asText());
        String made = "etape-" + UUID.randomUUID().toString().substring(0, 8);
        as(DemoUser.MOHAMED).body(Map.of("kind", "step-idle", "stepId", made)).post("/api/portal/journeys/" + journey + "/signals")
                .then().statusCode(400).contentType("application/problem+json").body("field", is("stepId"));
        as(DemoUser.MOHAMED).body(Map.of("stepId", made)).post("/api/portal/journeys/" + journey + "/help")
                .then().statusCode(400).contentType("application/problem+json").body("field", is("stepId"));
        // a step of the journey's procedure is a signal
        as(DemoUser.MOHAMED).body(Map.of("kind", "step-idle", "stepId", "justificatifs")).post("/api/portal/journeys/" + journey + "/signals")
                .then().statusCode(202);

        List<TopicCollector.Received> sent = touchpointsUpTo(journey, "step-idle");
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).value()).contains("justificatifs").doesNotContain(made);
    }
}
