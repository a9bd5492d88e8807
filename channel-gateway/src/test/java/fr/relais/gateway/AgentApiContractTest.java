package fr.relais.gateway;

import fr.relais.gateway.stub.AppointmentServiceStub;
import fr.relais.gateway.stub.JourneyServiceStub;
import fr.relais.testsupport.DemoUser;
import fr.relais.testsupport.KeycloakTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

/**
 * Phone and desk APIs with real tokens of paul (phone) and agnes (desk, fs-aubervilliers).
 *
 * <p>A contract test: the downstream services' rules are played by stubs here, so what it proves is the gateway's side
 * of the contract (routing, validation, tokens passed on, problems relayed); the rules themselves are proven against
 * the real services in system-tests' PhoneTest and OfflineCitizenTest and the authorization matrix.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class AgentApiContractTest {

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

    @Test
    void aPhoneAgentVerifiesACallerAndThreeWrongCheckValuesLockTheCode() {
        as(DemoUser.PAUL).body(Map.of("resumeCode", JourneyServiceStub.CODE, "checkValue", "1984")).post("/api/phone/verify")
                .then().statusCode(200).body("journeyId", is(JourneyServiceStub.CODE_JOURNEY.toString()));
        String verify = journeyService.commands.forKey(JourneyServiceStub.CODE_JOURNEY.toString()).stream()
                .filter(r -> r.header("ce_type").contains("verify-caller")).findFirst().orElseThrow().value();
        assertThat(verify).contains("verifiedUntil").contains("\"channel\":\"phone\"").doesNotContain("\"1984\"", JourneyServiceStub.CODE);

        for (int i = 0; i < 3; i++) {
            as(DemoUser.PAUL).body(Map.of("resumeCode", "QRTUVWXY", "checkValue", "1950")).post("/api/phone/verify")
                    .then().statusCode(404).body("type", containsString("no-match"));
        }
        as(DemoUser.PAUL).body(Map.of("resumeCode", "QRTUVWXY", "checkValue", "1984")).post("/api/phone/verify")
                .then().statusCode(429).body("type", containsString("resume-code-locked"));
    }

    @Test
    void aCounterAgentSeesHerSiteQueueChecksACitizenInAndIsToldWhenSomeoneElseClaimed() {
        as(DemoUser.AGNES).get("/api/desk/queue").then().statusCode(200).body("journeyId", hasItem(JourneyServiceStub.CODE_JOURNEY.toString()));
        // a walk-in: no appointment today, so presence is recorded directly
        as(DemoUser.AGNES).body(Map.of("resumeCode", JourneyServiceStub.CODE, "checkValue", "1984")).post("/api/desk/check-in")
                .then().statusCode(200).body("via", is("walk-in")).body("appointmentNote", is("no appointment today at this site"));
        assertThat(journeyService.commands.forKey(JourneyServiceStub.CODE_JOURNEY.toString()))
                .anyMatch(r -> r.value().contains("fs-aubervilliers") && r.header("ce_type").contains("record-presence"));
        // early for a booking later today: served now as a walk-in, and the agent is told why
        AppointmentServiceStub.BOOKED_LATER_TODAY.add(JourneyServiceStub.CODE_JOURNEY);
        as(DemoUser.AGNES).body(Map.of("resumeCode", JourneyServiceStub.CODE, "checkValue", "1984")).post("/api/desk/check-in")
                .then().statusCode(200).body("via", is("walk-in")).body("appointmentNote", containsString("check-in opens 60 min before"));
        AppointmentServiceStub.BOOKED_LATER_TODAY.remove(JourneyServiceStub.CODE_JOURNEY);
        // with an appointment today, the booking is checked in (appointment-service then tells journey-service)
        AppointmentServiceStub.BOOKED_TODAY.add(JourneyServiceStub.CODE_JOURNEY);
        int presencesBefore = (int) journeyService.commands.forKey(JourneyServiceStub.CODE_JOURNEY.toString()).stream()
                .filter(r -> r.header("ce_type").contains("record-presence")).count();
        as(DemoUser.AGNES).body(Map.of("resumeCode", JourneyServiceStub.CODE, "checkValue", "1984")).post("/api/desk/check-in")
                .then().statusCode(200).body("via", is("appointment")).body("booking.status", is("CHECKED_IN"));
        assertThat(journeyService.commands.forKey(JourneyServiceStub.CODE_JOURNEY.toString()).stream()
                .filter(r -> r.header("ce_type").contains("record-presence")).count()).isEqualTo(presencesBefore);
        as(DemoUser.AGNES).body(Map.of("answers", Map.of())).post("/api/desk/journeys/" + JourneyServiceStub.CODE_JOURNEY + "/steps/claim-someone-elses")
                .then().statusCode(409).body("reason", is("already-claimed"));
        as(DemoUser.PAUL).get("/api/desk/queue").then().statusCode(403);
    }
}
