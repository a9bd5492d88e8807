package fr.relais.problem;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.equalTo;

/**
 * A service that answers request errors its own way (the gateway) turns the shared request mappers off,
 * and its own mapper answers alone; the shared ProblemException, role and 500 mappers stay on.
 */
@QuarkusTest
@TestProfile(OwnRequestMappersTest.OwnRequestErrors.class)
class OwnRequestMappersTest {

    public static class OwnRequestErrors implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("relais.problems.request-mappers", "false");
        }
    }

    /** Stands for the gateway's own handling of status refusals; present only when the shared one is off. */
    @IfBuildProperty(name = "relais.problems.request-mappers", stringValue = "false")
    public static class OwnStatusMapper {
        @ServerExceptionMapper
        public Response status(WebApplicationException e) {
            return Problem.response(e.getResponse().getStatus(), "own", "Own", null, null);
        }
    }

    @Test
    void theServicesOwnMapperAnswersStatusRefusals() {
        when().get("/trouble/gone").then().statusCode(410).body("type", equalTo("https://relais.example/problems/own"));
    }

    @Test
    void theSharedProblemAndRoleMappersStayOn() {
        when().get("/trouble/conflict").then().statusCode(409).body("type", equalTo("https://relais.example/problems/slot-taken"));
        when().get("/trouble/role").then().statusCode(403).body("type", equalTo("https://relais.example/problems/forbidden"));
    }
}
