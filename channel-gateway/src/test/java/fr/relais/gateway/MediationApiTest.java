package fr.relais.gateway;

import fr.relais.testsupport.DemoUser;
import fr.relais.testsupport.KeycloakTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

/** The mediator console through the gateway: mediation-service's decisions (and refusals) reach the mediator. */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class MediationApiTest {

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
}
