package fr.relais.gateway;

import fr.relais.testsupport.DemoUser;
import fr.relais.testsupport.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Real tokens from the devstack's Keycloak reach the gateway with their roles and staff attributes. */
@QuarkusTest
class MeResourceTest {

    @Test
    void aCitizenIsACitizenWithoutSite() {
        given().auth().oauth2(KeycloakTokens.accessToken(DemoUser.CAMILLE))
                .when().get("/api/me")
                .then().statusCode(200)
                .body("roles", hasItem("citizen"))
                .body("roles", not(hasItem("counter-agent")))
                .body("site", nullValue());
    }

    @Test
    void aCounterAgentCarriesHerSite() {
        given().auth().oauth2(KeycloakTokens.accessToken(DemoUser.AGNES))
                .when().get("/api/me")
                .then().statusCode(200)
                .body("roles", hasItem("counter-agent"))
                .body("site", is("fs-aubervilliers"));
    }

    @Test
    void aMediatorCarriesHerPool() {
        given().auth().oauth2(KeycloakTokens.accessToken(DemoUser.MAYA))
                .when().get("/api/me")
                .then().statusCode(200)
                .body("roles", hasItem("mediator"))
                .body("pools", contains("93"));
    }

    @Test
    void noTokenIsRefused() {
        given().when().get("/api/me").then().statusCode(401);
    }

    @Test
    void aForgedTokenIsRefused() {
        String real = KeycloakTokens.accessToken(DemoUser.CAMILLE);
        String[] parts = real.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        given().auth().oauth2(forged).when().get("/api/me").then().statusCode(401);
    }
}
