package fr.relais.journey.api;

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
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

/**
 * GET /journeys/{id}/recipient: how notification-service reaches a journey's citizen, for its service account only
 * (realm role notifier, client credentials). The tests that read with that token need the realm's confidential client
 * notification-service: they pass once Keycloak has imported deploy/keycloak/relais-realm.json of this change.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class RecipientApiTest {

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
    void peopleAndOtherServicesAreRefused() throws Exception {
        String path = "/journeys/" + UUID.randomUUID() + "/recipient";
        for (DemoUser user : List.of(DemoUser.CAMILLE, DemoUser.MOHAMED, DemoUser.PAUL, DemoUser.GILLES, DemoUser.AGNES,
                DemoUser.MAYA, DemoUser.OLGA, DemoUser.ADA)) {
            given().auth().oauth2(KeycloakTokens.accessToken(user)).get(path).then().statusCode(403);
        }
        // mediation-service's service account reads routing skills, not how to reach her
        given().auth().oauth2(ServiceTokens.of(ServiceTokens.MEDIATION)).get(path).then().statusCode(403);
        given().get(path).then().statusCode(401);
    }

    @Test
    void theJourneysPersonIsReadWithHerConsentedChannelsOnlyAndTheReadIsLogged() throws Exception {
        String familyName = uniqueFamilyName("Destinataire-");
        String personId = given().auth().oauth2(KeycloakTokens.accessToken(DemoUser.GILLES)).contentType(ContentType.JSON)
                .body(Map.of("givenNames", "Mohamed", "familyName", familyName, "birthDate", "02/11/1951",
                        "phone", "05 55 12 34 56", "email", "m.benali@example.org",
                        "address", Map.of("line", "3 place du Marché", "postcode", "23000", "city", "Guéret"),
                        "preferredLanguage", "ar",
                        "consents", Map.of("email", true, "sms", true, "phone", true, "letter", false)))
                .post("/persons").then().statusCode(201).extract().path("personId");
        UUID journeyId = startAtDesk(UUID.fromString(personId));

        String notifier = ServiceTokens.of(ServiceTokens.NOTIFICATION);
        given().auth().oauth2(notifier).get("/journeys/" + journeyId + "/recipient").then().statusCode(200)
                .body("journeyId", is(journeyId.toString())).body("personId", is(personId))
                .body("accountSubject", nullValue())
                .body("givenNames", is("Mohamed")).body("familyName", is(familyName))
                .body("email", is("m.benali@example.org")).body("phone", is("+33555123456"))
                // no consent to letters: her address does not leave journey-service
                .body("address", nullValue())
                .body("language", is("ar"))
                .body("consents.email", is(true)).body("consents.sms", is(true)).body("consents.letter", is(false));

        assertThat(accessLog(journeyId)).containsExactly("notification-service|system|recipient-read|notification|" + personId);

        given().auth().oauth2(notifier).get("/journeys/" + UUID.randomUUID() + "/recipient").then().statusCode(404)
                .body("type", is("https://relais.example/problems/not-found"));
        // the notifier reads recipients and nothing else
        given().auth().oauth2(notifier).get("/journeys/" + journeyId + "/routing").then().statusCode(403);
        given().auth().oauth2(notifier).get("/journeys/" + journeyId + "/contact").then().statusCode(403);
        given().auth().oauth2(notifier).get("/journeys/" + journeyId).then().statusCode(403);
    }

    @Test
    void aJourneyStartedOnlineReachesThePersonLinkedToItsAccount() throws Exception {
        String subject = "test-" + UUID.randomUUID();
        UUID journeyId = startOnline(subject);
        // her person record came after the journey (journey.person_id stays empty): linked to her account
        String familyName = uniqueFamilyName("Compte-");
        String personId = given().auth().oauth2(KeycloakTokens.accessToken(DemoUser.GILLES)).contentType(ContentType.JSON)
                .body(Map.of("givenNames", "Camille", "familyName", familyName, "birthDate", "12/03/1984",
                        "email", "camille.martin@example.org",
                        "address", Map.of("line", "12 rue des Lilas", "postcode", "93300", "city", "Aubervilliers"),
                        "consents", Map.of("email", true, "sms", false, "phone", false, "letter", true)))
                .post("/persons").then().statusCode(201).extract().path("personId");
        linkAccount(UUID.fromString(personId), subject);

        given().auth().oauth2(ServiceTokens.of(ServiceTokens.NOTIFICATION)).get("/journeys/" + journeyId + "/recipient")
                .then().statusCode(200)
                .body("personId", is(personId)).body("accountSubject", is(subject))
                .body("givenNames", is("Camille")).body("familyName", is(familyName))
                .body("email", is("camille.martin@example.org")).body("phone", nullValue())
                .body("address.line", is("12 rue des Lilas")).body("address.postcode", is("93300"))
                .body("address.city", is("Aubervilliers")).body("language", is("fr"))
                .body("consents.email", is(true)).body("consents.sms", is(false)).body("consents.letter", is(true));
        assertThat(accessLog(journeyId)).containsExactly("notification-service|system|recipient-read|notification|" + personId);
    }

    @Test
    void aJourneyWithoutAnyPersonAnswersNobodyToReach() throws Exception {
        String subject = "test-" + UUID.randomUUID();
        UUID journeyId = startOnline(subject);

        given().auth().oauth2(ServiceTokens.of(ServiceTokens.NOTIFICATION)).get("/journeys/" + journeyId + "/recipient")
                .then().statusCode(200)
                .body("journeyId", is(journeyId.toString())).body("personId", nullValue()).body("accountSubject", is(subject))
                .body("givenNames", nullValue()).body("familyName", nullValue()).body("email", nullValue())
                .body("phone", nullValue()).body("address", nullValue())
                .body("consents.email", is(false)).body("consents.sms", is(false)).body("consents.letter", is(false));
        // nobody's record was read: nothing to log
        assertThat(accessLog(journeyId)).isEmpty();
    }

    private static UUID startAtDesk(UUID personId) {
        UUID journeyId = UUID.randomUUID();
        StartJourney start = new StartJourney(UUID.randomUUID(), journeyId, GILLES, Instant.now(), "cni-renouvellement", personId);
        bus.send(start);
        assertThat(bus.outcomeOf(start.commandId()).path("status").asText()).isEqualTo("ACCEPTED");
        return journeyId;
    }

    private static UUID startOnline(String subject) {
        UUID journeyId = UUID.randomUUID();
        StartJourney start = new StartJourney(UUID.randomUUID(), journeyId, new Actor(subject, Set.of("citizen"), null,
                Channel.PORTAL), Instant.now(), "aide-logement", null);
        bus.send(start);
        assertThat(bus.outcomeOf(start.commandId()).path("status").asText()).isEqualTo("ACCEPTED");
        return journeyId;
    }

    /** Stands for the account link an attach makes, for an account no demo user holds. */
    private void linkAccount(UUID personId, String subject) throws SQLException {
        try (Connection c = database.getConnection();
             PreparedStatement update = c.prepareStatement("UPDATE person SET account_subject = ? WHERE id = ?")) {
            update.setString(1, subject);
            update.setObject(2, personId);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    /** The journey's access-log entries of recipient reads: actor subject|role|action|reason|person. */
    private List<String> accessLog(UUID journeyId) throws SQLException {
        List<String> entries = new ArrayList<>();
        try (Connection c = database.getConnection(); PreparedStatement query = c.prepareStatement(
                "SELECT actor_subject, actor_role, action, reason, person_id FROM access_log WHERE journey_id = ? AND action = 'recipient-read'"
                        + " ORDER BY at, id")) {
            query.setObject(1, journeyId);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    entries.add(String.join("|", row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                            String.valueOf(row.getObject(5))));
                }
            }
        }
        return entries;
    }

    /** The test database outlives a run: each run records persons of its own (letters only, as names are). */
    private static String uniqueFamilyName(String prefix) {
        StringBuilder name = new StringBuilder(prefix);
        for (int i = 0; i < 8; i++) {
            name.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return name.toString();
    }
}
