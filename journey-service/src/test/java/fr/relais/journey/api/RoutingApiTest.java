package fr.relais.journey.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.relais.events.channel.Channel;
import fr.relais.events.journey.Actor;
import fr.relais.events.journey.StartJourney;
import fr.relais.journey.TestTopics;
import fr.relais.journey.messaging.CommandBus;
import fr.relais.testsupport.DemoUser;
import fr.relais.testsupport.KeycloakTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

/**
 * GET /journeys/{id}/routing: the skill codes a case needs, for mediation-service's service account only.
 * {@link #theServiceAccountReadsSkillCodesOnly} needs the realm's confidential client mediation-service (service account
 * with routing-reader): it passes once Keycloak has imported deploy/keycloak/relais-realm.json of this change.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class RoutingApiTest {

    private static final Actor GILLES = new Actor("00000000-0000-4000-8000-000000000005", Set.of("counter-agent"), "fs-gueret",
            Channel.DESK);
    private static final SecureRandom RANDOM = new SecureRandom();

    static CommandBus bus;

    @Inject
    DataSource database;

    @BeforeAll
    static void connect() {
        bus = new CommandBus();
    }

    @AfterAll
    static void disconnect() throws Exception {
        bus.close();
    }

    @Test
    void peopleAreRefusedWhateverTheirRole() {
        String path = "/journeys/" + UUID.randomUUID() + "/routing";
        for (DemoUser user : List.of(DemoUser.MAYA, DemoUser.MARC, DemoUser.PAUL, DemoUser.GILLES, DemoUser.CAMILLE)) {
            given().auth().oauth2(KeycloakTokens.accessToken(user)).get(path).then().statusCode(403);
        }
        given().get(path).then().statusCode(401);
    }

    @Test
    void theServiceAccountReadsSkillCodesOnly() throws Exception {
        String familyName = "Routage-" + Long.toString(Math.abs(RANDOM.nextLong()), 26).replaceAll("[0-9]", "x");
        String personId = given().auth().oauth2(KeycloakTokens.accessToken(DemoUser.GILLES)).contentType(ContentType.JSON)
                .body(Map.of("givenNames", "Mohamed", "familyName", familyName, "birthDate", "02/11/1951",
                        "preferredLanguage", "ar", "accessibilityNeeds", List.of("handicap-visuel"),
                        "consents", Map.of("email", false, "sms", false, "phone", false, "letter", false)))
                .post("/persons").then().statusCode(201).extract().path("personId");
        UUID journeyId = UUID.randomUUID();
        StartJourney start = new StartJourney(UUID.randomUUID(), journeyId, GILLES, Instant.now(), "cni-renouvellement",
                UUID.fromString(personId));
        bus.send(start);
        assertThat(bus.outcomeOf(start.commandId()).path("status").asText()).isEqualTo("ACCEPTED");

        String service = serviceAccountToken();
        String body = given().auth().oauth2(service).get("/journeys/" + journeyId + "/routing").then().statusCode(200)
                .body("requiredSkills", contains("langue-arabe", "handicap-visuel")).extract().asString();
        // codes only: nothing that says who she is
        assertThat(body).doesNotContain(familyName).doesNotContain("Mohamed").doesNotContain("02/11/1951").doesNotContain("1951-11-02");
        assertThat(new ObjectMapper().readTree(body).size()).isEqualTo(1);
        // her access log says which service read it
        try (Connection connection = database.getConnection(); PreparedStatement query = connection.prepareStatement(
                "select actor_subject, actor_role from access_log where journey_id = ? and action = 'routing-read'")) {
            query.setObject(1, journeyId);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isEqualTo("mediation-service");
                assertThat(row.getString(2)).isEqualTo("system");
            }
        }

        given().auth().oauth2(service).get("/journeys/" + UUID.randomUUID() + "/routing").then().statusCode(404);

        // a journey started online has no person record: no skill needed
        UUID online = UUID.randomUUID();
        StartJourney portal = new StartJourney(UUID.randomUUID(), online, new Actor("00000000-0000-4000-8000-000000000001",
                Set.of("citizen"), null, Channel.PORTAL), Instant.now(), "aide-logement", null);
        bus.send(portal);
        assertThat(bus.outcomeOf(portal.commandId()).path("status").asText()).isEqualTo("ACCEPTED");
        given().auth().oauth2(service).get("/journeys/" + online + "/routing").then().statusCode(200)
                .body("requiredSkills", is(empty()));
        // the service account reads routing and nothing else
        given().auth().oauth2(service).get("/journeys/" + journeyId + "/contact").then().statusCode(403);
    }

    static String serviceAccountToken() throws Exception {
        return ServiceTokens.of(ServiceTokens.MEDIATION);
    }
}
