package fr.relais.gateway;

import fr.relais.gateway.stub.MediationServiceStub;
import fr.relais.testsupport.DemoUser;
import fr.relais.testsupport.KeycloakTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

/**
 * The mediator console through the gateway: mediation-service's decisions (and refusals) reach the mediator.
 *
 * <p>A contract test: the downstream services' rules are played by stubs here, so what it proves is the gateway's side
 * of the contract (routing, validation, tokens passed on, problems relayed); the rules themselves are proven against
 * the real services in system-tests' FrictionToMediatorTest and MediationConsoleTest and the authorization matrix.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class MediationApiContractTest {

    @Test
    void aCaseIsClaimedOnceAndOnlyMediatorsMayTry() {
        UUID caseId = UUID.randomUUID();
        given().auth().oauth2(KeycloakTokens.accessToken(DemoUser.MAYA)).contentType("application/json")
                .post("/api/mediation/cases/" + caseId + "/claim").then().statusCode(200).body("status", is("CLAIMED"));
        given().auth().oauth2(KeycloakTokens.accessToken(DemoUser.MARC)).contentType("application/json")
                .post("/api/mediation/cases/" + caseId + "/claim").then().statusCode(409)
                .contentType("application/problem+json").body("type", containsString("already-claimed"));
        given().auth().oauth2(KeycloakTokens.accessToken(DemoUser.CAMILLE)).contentType("application/json")
                .post("/api/mediation/cases/" + caseId + "/claim").then().statusCode(403);
        given().contentType("application/json").post("/api/mediation/cases/" + caseId + "/claim").then().statusCode(401);
    }

    @Test
    void frictionIsWhatMediationServiceLetsTheCallerSeeWithTheirOwnToken() {
        UUID visible = UUID.randomUUID();
        MediationServiceStub.FRICTION_VISIBLE.add(visible);
        // the stub answers 401 to a request without the caller's token: a 200 means it was forwarded
        given().auth().oauth2(KeycloakTokens.accessToken(DemoUser.MAYA)).get("/api/mediation/journeys/" + visible + "/friction")
                .then().statusCode(200).body("score", is(12.0f)).body("threshold", is(10.0f));
        // outside the mediator's pools, mediation-service answers 404: so does the gateway, as a problem
        given().auth().oauth2(KeycloakTokens.accessToken(DemoUser.MAYA)).get("/api/mediation/journeys/" + UUID.randomUUID() + "/friction")
                .then().statusCode(404).contentType("application/problem+json").body("status", is(404));
        given().auth().oauth2(KeycloakTokens.accessToken(DemoUser.CAMILLE)).get("/api/mediation/journeys/" + visible + "/friction")
                .then().statusCode(403);
    }
}
