package fr.relais.gateway;

import fr.relais.gateway.stub.AppointmentServiceStub;
import fr.relais.testsupport.DemoUser;
import fr.relais.testsupport.KeycloakTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

/**
 * Booking through the gateway: appointment-service's answer (201, or its 409 problem) reaches the caller as it is.
 *
 * <p>A contract test: the downstream services' rules are played by stubs here, so what it proves is the gateway's side
 * of the contract (routing, validation, tokens passed on, problems relayed); the rules themselves are proven against
 * the real services in system-tests' PortalDeskPortalTest and AppointmentWebTest and the authorization matrix.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class AppointmentApiContractTest {

    @Test
    void aHeldSlotIsRelayedAndASecondHoldIsItsConflictProblem() {
        Map<String, Object> hold = Map.of("journeyId", UUID.randomUUID(), "stepId", "rdv-biometrie", "motif", "cni-biometrie",
                "site", "fs-aubervilliers", "startsAt", "2026-12-01T09:20:00Z");
        given().auth().oauth2(KeycloakTokens.accessToken(DemoUser.CAMILLE)).contentType("application/json").body(hold)
                .post("/api/appointments/bookings").then().statusCode(201).body("status", is("HELD"));
        given().auth().oauth2(KeycloakTokens.accessToken(DemoUser.MOHAMED)).contentType("application/json").body(hold)
                .post("/api/appointments/bookings").then().statusCode(409).contentType("application/problem+json")
                .body("reason", is("slot-taken"));
        given().contentType("application/json").body(hold).post("/api/appointments/bookings").then().statusCode(401);
        given().auth().oauth2(KeycloakTokens.accessToken(DemoUser.CAMILLE)).contentType("application/json").body(Map.of())
                .post("/api/appointments/bookings/" + UUID.randomUUID() + "/teleport").then().statusCode(404);
    }

    @Test
    void aServiceTooSlowToAnswerIsA504ProblemNotAnInternalError() {
        given().auth().oauth2(KeycloakTokens.accessToken(DemoUser.CAMILLE))
                .get("/api/appointments/bookings/" + AppointmentServiceStub.SLOW_BOOKING)
                .then().statusCode(504).contentType("application/problem+json").body("type", containsString("service-timeout"));
    }
}
