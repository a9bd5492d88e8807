package fr.relais.journey.api;

import fr.relais.events.journey.StartJourney;
import fr.relais.journey.TestTopics;
import fr.relais.journey.messaging.CommandBus;
import fr.relais.testsupport.DemoUser;
import fr.relais.testsupport.KeycloakTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

/** GET /commands/{id}: a decided command's outcome, for the caller who issued it and for nobody else. */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class CommandOutcomeApiTest {

    static CommandBus bus;

    @BeforeAll
    static void connect() {
        bus = new CommandBus();
    }

    @AfterAll
    static void disconnect() throws Exception {
        bus.close();
    }

    @Test
    void theIssuerReadsTheOutcomeAndNobodyElseLearnsItExists() {
        UUID journeyId = UUID.randomUUID();
        StartJourney start = new StartJourney(UUID.randomUUID(), journeyId, CommandBus.CAMILLE, Instant.now(), "cni-renouvellement");
        bus.send(start);
        bus.outcomeOf(start.commandId());
        String path = "/commands/" + start.commandId();

        given().auth().oauth2(KeycloakTokens.accessToken(DemoUser.CAMILLE)).get(path).then().statusCode(200)
                .body("commandId", is(start.commandId().toString()))
                .body("journeyId", is(journeyId.toString()))
                .body("status", is("ACCEPTED"))
                .body("journeyStatus", is("IN_PROGRESS"));
        for (DemoUser other : new DemoUser[]{DemoUser.MOHAMED, DemoUser.AGNES}) {
            given().auth().oauth2(KeycloakTokens.accessToken(other)).get(path).then().statusCode(404)
                    .contentType("application/problem+json");
        }
        given().get(path).then().statusCode(401);
    }

    @Test
    void anUnknownCommandIsNotFound() {
        given().auth().oauth2(KeycloakTokens.accessToken(DemoUser.CAMILLE)).get("/commands/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }
}
