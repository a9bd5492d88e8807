package fr.relais.gateway;

import fr.relais.testsupport.DemoUser;
import fr.relais.testsupport.ServiceEndpointsContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static fr.relais.gateway.SharedStateTest.as;
import static fr.relais.gateway.SharedStateTest.journeyOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

/**
 * The refusal the gateway gives when its command backlog is full. The backlog is pinned to one undecided command
 * here: while a command whose outcome comes late is undecided, a new journey is refused at once with an
 * {@code overloaded} problem and a Retry-After, a poll is still served, and once it is decided new journeys are taken again. Under a
 * real rush the shedding is proven by system-tests' OverloadTest.
 */
@QuarkusTest
@TestProfile(OverloadTest.OneWaitingCommand.class)
@QuarkusTestResource(TestTopics.class)
class OverloadTest {

    public static class OneWaitingCommand implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("relais.load-shedding.max-undecided-commands", "1");
        }
    }

    private static FakeJourneyService journeyService;

    @BeforeAll
    static void start() {
        journeyService = new FakeJourneyService();
    }

    @AfterAll
    static void stop() throws Exception {
        journeyService.close();
    }

    @Test
    void withItsBacklogFullTheGatewayRefusesNewJourneysAtOnceAndGoesOnWithTheOthers() {
        Map<String, String> newJourney = Map.of("procedureId", "cni-renouvellement");
        UUID journey = journeyOf(DemoUser.CAMILLE);
        // a step whose outcome comes after the gateway's wait (2 s in tests): one command waiting meanwhile
        ExecutorService caller = Executors.newSingleThreadExecutor();
        CompletableFuture<Integer> late = CompletableFuture.supplyAsync(() -> as(DemoUser.CAMILLE).body(Map.of("answers", Map.of()))
                .post("/api/portal/journeys/" + journey + "/steps/lent").statusCode(), caller);
        caller.shutdown();
        Response refused = await().atMost(Duration.ofSeconds(2)).until(() -> as(DemoUser.CAMILLE)
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(newJourney).post("/api/portal/journeys"),
                response -> response.statusCode() == 503);
        refused.then().contentType("application/problem+json").body("type", containsString("/overloaded")).body("status", is(503));
        assertThat(refused.header("Retry-After")).as(refused.headers().toString()).isIn("1", "2", "3");
        assertThat(refused.time()).as("refused at once, ms").isLessThan(1000);
        // what is under way is served: a poll
        as(DemoUser.CAMILLE).get("/api/commands/" + UUID.randomUUID()).then().statusCode(404);
        // answered 202 after the wait, it is still in journey-service's backlog until its outcome comes (3.5 s)
        assertThat(late.join()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(5)).until(() -> as(DemoUser.CAMILLE).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(newJourney).post("/api/portal/journeys").statusCode(), status -> status == 200);
        String metrics = ServiceEndpointsContract.management().get("/q/metrics").asString();
        assertThat(metrics).containsPattern("relais_gateway_requests_shed_total(\\{[^}]*})? [1-9]")
                .contains("relais_gateway_commands_undecided");
    }
}
