package fr.relais.gateway;

import fr.relais.gateway.stub.CallbacksStub;
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

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * The phone API for callers without an account, with real tokens (paul, phone agent) and real Kafka; journey-service's
 * queries are played by stubs (their rules are journey-service's, met end to end in the system tests). Checked here:
 * the gateway's own validation, the commands it sends, and that journey-service's problems reach the agent unchanged.
 *
 * <p>A contract test: the downstream services' rules are played by stubs here, so what it proves is the gateway's side
 * of the contract (routing, validation, tokens passed on, problems relayed); the rules themselves are proven against
 * the real services in system-tests' PhoneTest and OfflineCitizenTest and the authorization matrix.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class PhoneApiContractTest {

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

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
    }

    @Test
    void aPersonIsRecordedOnceAndJourneyServicesProblemsReachTheAgent() {
        String family = unique("Benali");
        String recorded = as(DemoUser.PAUL).body(Map.of("givenNames", "Mohamed", "familyName", family, "birthDate", "02/11/1951"))
                .post("/api/phone/persons").then().statusCode(201).body("identity", is("declared")).extract().path("personId");
        as(DemoUser.PAUL).body(Map.of("givenNames", "Mohamed", "familyName", family, "birthDate", "02/11/1951"))
                .post("/api/phone/persons").then().statusCode(409).contentType("application/problem+json")
                .body("type", containsString("duplicate-person"));
        as(DemoUser.PAUL).body(Map.of()).post("/api/phone/persons").then().statusCode(400)
                .body("type", containsString("invalid-person")).body("errors.field", hasItem("familyName"));
        as(DemoUser.PAUL).post("/api/phone/persons").then().statusCode(400).body("type", containsString("invalid-field"));

        as(DemoUser.PAUL).body(Map.of("givenNames", "Mohamed", "familyName", family, "birthDate", "02/11/1951"))
                .post("/api/phone/persons/search").then().statusCode(200).body("personId", is(recorded));
        as(DemoUser.PAUL).body(Map.of("givenNames", "Mohamed", "familyName", unique("Inconnu"), "birthDate", "02/11/1951"))
                .post("/api/phone/persons/search").then().statusCode(404).body("type", containsString("person-not-found"))
                .body("detail", not(containsString("Mohamed")));
    }

    @Test
    void onlyPhoneAgentsRecordAndFindPersonsAndSeeCallBacks() {
        for (DemoUser someone : new DemoUser[]{DemoUser.CAMILLE, DemoUser.AGNES}) {
            as(someone).body(Map.of()).post("/api/phone/persons").then().statusCode(403);
            as(someone).body(Map.of()).post("/api/phone/persons/search").then().statusCode(403);
            as(someone).body(Map.of("procedureId", "cni-renouvellement", "personId", UUID.randomUUID().toString()))
                    .post("/api/phone/journeys").then().statusCode(403);
            as(someone).get("/api/phone/callbacks").then().statusCode(403);
            as(someone).post("/api/phone/callbacks/" + CallbacksStub.WAITING + "/take").then().statusCode(403);
        }
        given().get("/api/phone/callbacks").then().statusCode(401);
    }

    @Test
    void aJourneyStartedOnTheCallBelongsToThePersonAndIsAnsweredLikeAnyCommand() {
        UUID person = UUID.randomUUID();
        String journeyId = as(DemoUser.PAUL).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("procedureId", "cni-renouvellement", "personId", person.toString()))
                .post("/api/phone/journeys").then().statusCode(200).body("journeyStatus", is("IN_PROGRESS"))
                .extract().path("journeyId");
        TopicCollector.Received command = journeyService.commands.forKey(journeyId).get(0);
        assertThat(command.header("ce_type")).contains("start-journey");
        assertThat(command.value()).contains("\"personId\":\"" + person + "\"").contains("\"channel\":\"phone\"").contains("phone-agent");

        // a new person: recorded first (identity declared), then the journey started for her
        String family = unique("Durand");
        String started = as(DemoUser.PAUL).body(Map.of("procedureId", "cni-renouvellement",
                        "person", Map.of("givenNames", "Odette", "familyName", family, "birthDate", "1940-05-06")))
                .post("/api/phone/journeys").then().statusCode(200).extract().path("journeyId");
        assertThat(recorded(family)).isTrue();
        assertThat(journeyService.commands.forKey(started).get(0).value()).contains("\"personId\"").doesNotContain(family, "Odette");
    }

    @Test
    void aBadStartIsRefusedBeforeAnythingIsRecorded() {
        as(DemoUser.PAUL).body(Map.of()).post("/api/phone/journeys").then().statusCode(400).body("field", is("procedureId"));
        as(DemoUser.PAUL).body(Map.of("procedureId", "cni-renouvellement")).post("/api/phone/journeys")
                .then().statusCode(400).body("field", is("personId"));
        as(DemoUser.PAUL).body(Map.of("procedureId", "cni-renouvellement", "personId", UUID.randomUUID().toString(),
                        "person", Map.of("givenNames", "A", "familyName", "B", "birthDate", "1940-05-06")))
                .post("/api/phone/journeys").then().statusCode(400).body("field", is("personId"));
        as(DemoUser.PAUL).body(Map.of("procedureId", "cni-renouvellement", "personId", "not-a-uuid"))
                .post("/api/phone/journeys").then().statusCode(400);
        // an unknown procedure leaves no orphan person behind
        String family = unique("Orphelin");
        as(DemoUser.PAUL).body(Map.of("procedureId", "peche-a-la-ligne",
                        "person", Map.of("givenNames", "Jean", "familyName", family, "birthDate", "1940-05-06")))
                .post("/api/phone/journeys").then().statusCode(400).body("field", is("procedureId"));
        assertThat(recorded(family)).isFalse();
    }

    @Test
    void callBacksAreTakenOnceAndEachAttemptHasAKnownOutcome() {
        as(DemoUser.PAUL).get("/api/phone/callbacks").then().statusCode(200)
                .body("callbackId", hasItem(CallbacksStub.WAITING.toString())).body("phone", hasItem(nullValue()));
        as(DemoUser.PAUL).post("/api/phone/callbacks/" + CallbacksStub.WAITING + "/take").then().statusCode(200)
                .body("phone", is("05 55 12 34 56")).body("takenByMe", is(true));
        as(DemoUser.PAUL).post("/api/phone/callbacks/" + CallbacksStub.TAKEN + "/take").then().statusCode(409)
                .body("type", containsString("callback-taken"));
        as(DemoUser.PAUL).post("/api/phone/callbacks/" + UUID.randomUUID() + "/take").then().statusCode(404);
        as(DemoUser.PAUL).body(Map.of("outcome", "busy")).post("/api/phone/callbacks/" + CallbacksStub.WAITING + "/attempts")
                .then().statusCode(400).body("field", is("outcome"));
        as(DemoUser.PAUL).body(Map.of()).post("/api/phone/callbacks/" + CallbacksStub.WAITING + "/attempts")
                .then().statusCode(400).body("field", is("outcome"));
        as(DemoUser.PAUL).body(Map.of("outcome", "no-answer")).post("/api/phone/callbacks/" + CallbacksStub.WAITING + "/attempts")
                .then().statusCode(200).body("failedAttempts", is(1)).body("closed", is(false));
        as(DemoUser.PAUL).body(Map.of("outcome", "reached")).post("/api/phone/callbacks/" + UUID.randomUUID() + "/attempts")
                .then().statusCode(404);
    }

    /** journey-service (its stand-in) received a person of this family name. */
    private static boolean recorded(String family) {
        return JourneyServiceStub.PERSONS.values().stream().anyMatch(p -> family.equals(p.get("familyName")));
    }
}
