package fr.relais.gateway;

import fr.relais.gateway.stub.AppointmentServiceStub;
import fr.relais.testsupport.DemoUser;
import fr.relais.testsupport.KeycloakTokens;
import fr.relais.testsupport.ServiceEndpointsContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

/**
 * The refusal the gateway gives when it is overloaded. The adaptive limit is pinned to one request at a time here
 * (and CPU-based priority shedding off; the downstream stubs this process serves are not counted), so one slow read
 * in flight is an overload: the next request is refused at
 * once with an {@code overloaded} problem and a Retry-After, the management port still answers, and the refusal is
 * counted. That the limit adapts and sheds under real load is proven by system-tests' OverloadTest.
 */
@QuarkusTest
@TestProfile(OverloadTest.OneAtATime.class)
@QuarkusTestResource(TestTopics.class)
class OverloadTest {

    public static class OneAtATime implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.load-shedding.initial-limit", "1", "quarkus.load-shedding.max-limit", "1",
                    "quarkus.load-shedding.priority.enabled", "false");
        }
    }

    @Test
    void pastItsLimitTheGatewayRefusesAtOnceWithAProblemAndRetryAfter() {
        String camille = KeycloakTokens.accessToken(DemoUser.CAMILLE);
        // served while nothing else is in flight (and RestAssured warmed up: its first request is slow)
        given().auth().oauth2(camille).get("/api/commands/" + UUID.randomUUID()).then().statusCode(404);
        // a read the appointment stub answers after 3 s (the gateway gives up at 1.5 s): one request in flight
        ExecutorService caller = Executors.newSingleThreadExecutor();
        CompletableFuture<Integer> slow = CompletableFuture.supplyAsync(() -> given().auth().oauth2(camille)
                .get("/api/appointments/bookings/" + AppointmentServiceStub.SLOW_BOOKING).statusCode(), caller);
        caller.shutdown();
        // the first try after the slow request is surely in flight (no other request may hold the one place before it)
        Response refused = await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> given().auth().oauth2(camille)
                .get("/api/commands/" + UUID.randomUUID()), response -> response.statusCode() == 503);
        refused.then().contentType("application/problem+json").body("type", containsString("/overloaded")).body("status", is(503));
        assertThat(refused.header("Retry-After")).as(refused.headers().toString()).isIn("1", "2", "3");
        assertThat(refused.time()).as("refused at once, ms").isLessThan(1000);
        ServiceEndpointsContract.management().get("/q/health/live").then().statusCode(200);
        assertThat(slow.join()).isEqualTo(504);
        // the slow request has ended: the next one is served again
        given().auth().oauth2(camille).get("/api/commands/" + UUID.randomUUID()).then().statusCode(404);
        assertThat(ServiceEndpointsContract.management().get("/q/metrics").asString())
                .containsPattern("relais_gateway_requests_shed_total\\{priority=\"important\"} [1-9]");
    }
}
