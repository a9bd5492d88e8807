package fr.relais.gateway;

import fr.relais.gateway.stub.JourneyServiceStub;
import fr.relais.testsupport.DemoUser;
import fr.relais.testsupport.KeycloakTokens;
import fr.relais.testsupport.ServiceEndpointsContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

/**
 * The gateway's database not answering (here: pointed at a closed port; the shared PostgreSQL is left alone): what
 * needs it is refused with a 503 problem the caller may retry, never a 500, and readiness takes the instance out of
 * the balancer.
 */
@QuarkusTest
@TestProfile(DatabaseDownTest.ClosedPort.class)
@QuarkusTestResource(TestTopics.class)
class DatabaseDownTest {

    public static class ClosedPort implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:1/gateway_test",
                    "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:1/gateway_test",
                    "quarkus.flyway.migrate-at-start", "false");
        }
    }

    @TestHTTPResource("/")
    URL base;

    static RequestSpecification as(DemoUser user) {
        return given().auth().oauth2(KeycloakTokens.accessToken(user)).contentType("application/json");
    }

    static UUID journeyOf(DemoUser user) {
        UUID id = UUID.randomUUID();
        JourneyServiceStub.OWNERS.put(id, KeycloakTokens.claims(user).path("sub").asText());
        return id;
    }

    @Test
    void whatNeedsTheDatabaseIsA503Problem() throws Exception {
        UUID journey = journeyOf(DemoUser.CAMILLE);
        as(DemoUser.CAMILLE).body(Map.of("kind", "step-idle", "stepId", "justificatifs"))
                .post("/api/portal/journeys/" + journey + "/signals").then().statusCode(503)
                .contentType("application/problem+json").body("type", containsString("service-unavailable"));
        as(DemoUser.CAMILLE).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("procedureId", "cni-renouvellement")).post("/api/portal/journeys").then().statusCode(503)
                .contentType("application/problem+json");
        // journey-service knows no such command; whether it is pending only the database could tell
        as(DemoUser.CAMILLE).get("/api/commands/" + UUID.randomUUID()).then().statusCode(503)
                .contentType("application/problem+json");
        try (LiveStream stream = LiveStream.open(URI.create(base + "api/journeys/" + journey + "/live"),
                KeycloakTokens.accessToken(DemoUser.CAMILLE))) {
            assertThat(stream.status()).isEqualTo(503);
            assertThat(stream.contentType()).doesNotContain("event-stream");
        }
    }

    @Test
    void readinessSaysTheDatabaseIsDown() {
        ServiceEndpointsContract.management().get("/q/health/ready").then().statusCode(503)
                .body("status", is("DOWN")).body("checks.name", hasItem(containsString("PostgreSQL")));
    }
}
