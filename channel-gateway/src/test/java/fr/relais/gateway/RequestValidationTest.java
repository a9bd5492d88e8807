package fr.relais.gateway;

import fr.relais.gateway.stub.JourneyServiceStub;
import fr.relais.testsupport.DemoUser;
import fr.relais.testsupport.KeycloakTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

/**
 * Early refusals at the gateway, each a problem naming what to fix, with nothing sent on journey.commands: free text
 * where a code or a site belongs, JSON null where answers belong, an Idempotency-Key reused on another request.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class RequestValidationTest {

    static FakeJourneyService journeyService;

    @BeforeAll
    static void start() {
        journeyService = new FakeJourneyService();
    }

    @AfterAll
    static void stop() throws Exception {
        journeyService.close();
    }

    static RequestSpecification as(DemoUser user) {
        return given().auth().oauth2(KeycloakTokens.accessToken(user)).contentType("application/json");
    }

    static UUID camillesJourney() {
        UUID id = UUID.randomUUID();
        JourneyServiceStub.OWNERS.put(id, KeycloakTokens.claims(DemoUser.CAMILLE).path("sub").asText());
        return id;
    }

    private static int commandsFor(UUID journey) {
        return journeyService.commands.forKey(journey.toString()).size();
    }

    @Test
    void aHandoffReasonIsACodeOfTheClosedListAndItsSiteAKnownSite() {
        UUID journey = camillesJourney();
        as(DemoUser.CAMILLE).body(Map.of("channel", "desk", "site", "fs-aubervilliers", "reason", "je suis Camille Martin, née en 1984"))
                .post("/api/portal/journeys/" + journey + "/handoff")
                .then().statusCode(400).contentType("application/problem+json").body("field", is("reason"))
                .body("detail", containsString("needs-help"));
        as(DemoUser.CAMILLE).body(Map.of("channel", "desk", "site", "12 rue des Lilas", "reason", "needs-help"))
                .post("/api/portal/journeys/" + journey + "/handoff")
                .then().statusCode(400).contentType("application/problem+json").body("field", is("site"));

        as(DemoUser.CAMILLE).body(Map.of("channel", "desk", "site", "fs-aubervilliers", "reason", "needs-help"))
                .post("/api/portal/journeys/" + journey + "/handoff").then().statusCode(200);
        as(DemoUser.CAMILLE).body(Map.of("channel", "phone"))
                .post("/api/portal/journeys/" + journey + "/handoff").then().statusCode(200);
        // decided requests are read back in order: anything sent before them would be here too
        assertThat(commandsFor(journey)).as("only the two valid handoffs were sent").isEqualTo(2);
        assertThat(journeyService.commands.forKey(journey.toString()))
                .anyMatch(r -> r.value().contains("\"reasonCode\":\"needs-help\"") && r.value().contains("fs-aubervilliers"))
                .anyMatch(r -> r.value().contains("\"reasonCode\":\"citizen-choice\""));
    }

    @Test
    void aMandateNamesAKnownSite() {
        UUID journey = camillesJourney();
        as(DemoUser.CAMILLE).body(Map.of("site", "chez ma voisine Mme Durand", "duration", "ONE_DAY"))
                .post("/api/portal/journeys/" + journey + "/mandates")
                .then().statusCode(400).contentType("application/problem+json").body("field", is("site"));
        as(DemoUser.CAMILLE).body(Map.of("site", "fs-gueret", "duration", "ONE_DAY"))
                .post("/api/portal/journeys/" + journey + "/mandates").then().statusCode(200);
        assertThat(commandsFor(journey)).isEqualTo(1);
    }

    @Test
    void nullWhereAnswersBelongIsA400ProblemNotAnInternalError() {
        UUID journey = camillesJourney();
        String step = "/api/portal/journeys/" + journey + "/steps/identite";
        as(DemoUser.CAMILLE).body("null").post(step)
                .then().statusCode(400).contentType("application/problem+json").body("field", is("answers"));
        as(DemoUser.CAMILLE).body("{\"answers\": null}").post(step)
                .then().statusCode(400).contentType("application/problem+json").body("field", is("answers"));
        as(DemoUser.CAMILLE).body("{\"answers\": {\"nom\": \"Martin\", \"prenom\": null}}").post(step)
                .then().statusCode(400).contentType("application/problem+json").body("field", is("answers.prenom"));
        as(DemoUser.AGNES).body("{\"answers\": {\"x\": null}}").post("/api/desk/journeys/" + journey + "/steps/identite")
                .then().statusCode(400).contentType("application/problem+json");
        as(DemoUser.CAMILLE).body("{\"answers\": {}}").post(step).then().statusCode(200);
        assertThat(commandsFor(journey)).as("only the valid submission was sent").isEqualTo(1);
    }

    @Test
    void anIdempotencyKeyReusedOnAnotherRequestIsRefused() {
        UUID journey = camillesJourney();
        String key = UUID.randomUUID().toString();
        String first = as(DemoUser.CAMILLE).header("Idempotency-Key", key).body(Map.of("answers", Map.of("nom", "Martin")))
                .post("/api/portal/journeys/" + journey + "/steps/identite").then().statusCode(200).extract().path("commandId");
        // the same request again: the same command, answered with its outcome
        String retried = as(DemoUser.CAMILLE).header("Idempotency-Key", key).body(Map.of("answers", Map.of("nom", "Martin")))
                .post("/api/portal/journeys/" + journey + "/steps/identite").then().statusCode(200).extract().path("commandId");
        assertThat(retried).isEqualTo(first);
        // (the retry is sent again, with the same command id: journey-service decides it once and answers it again)
        int sent = commandsFor(journey);
        // another body, another path, another method: refused, not answered with the first one's outcome
        as(DemoUser.CAMILLE).header("Idempotency-Key", key).body(Map.of("answers", Map.of("nom", "Benali")))
                .post("/api/portal/journeys/" + journey + "/steps/identite")
                .then().statusCode(422).contentType("application/problem+json").body("type", containsString("idempotency-key-reused"));
        as(DemoUser.CAMILLE).header("Idempotency-Key", key).body(Map.of("toStepId", "identite"))
                .post("/api/portal/journeys/" + journey + "/back").then().statusCode(422);
        as(DemoUser.CAMILLE).header("Idempotency-Key", key)
                .delete("/api/portal/journeys/" + journey + "/mandates/" + UUID.randomUUID()).then().statusCode(422);
        as(DemoUser.CAMILLE).header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("toStepId", "identite"))
                .post("/api/portal/journeys/" + journey + "/back").then().statusCode(200);
        assertThat(commandsFor(journey)).as("the reused key sent nothing more (only the new key's command)").isEqualTo(sent + 1);
        // another caller's same key is theirs alone
        UUID mohameds = UUID.randomUUID();
        JourneyServiceStub.OWNERS.put(mohameds, KeycloakTokens.claims(DemoUser.MOHAMED).path("sub").asText());
        as(DemoUser.MOHAMED).header("Idempotency-Key", key).body(Map.of("toStepId", "identite"))
                .post("/api/portal/journeys/" + mohameds + "/back").then().statusCode(200);
    }

    @Test
    void aKeyWhoseFirstRequestWasBadInputMayCarryTheCorrectedOne() {
        UUID journey = camillesJourney();
        String key = UUID.randomUUID().toString();
        Map<String, Object> nullAnswer = new HashMap<>();
        nullAnswer.put("nom", null);
        as(DemoUser.CAMILLE).header("Idempotency-Key", key).body(Map.of("answers", nullAnswer))
                .post("/api/portal/journeys/" + journey + "/steps/identite").then().statusCode(400);
        as(DemoUser.CAMILLE).header("Idempotency-Key", key).body(Map.of("answers", Map.of("nom", "Martin")))
                .post("/api/portal/journeys/" + journey + "/steps/identite").then().statusCode(200);
    }
}
