package fr.relais.journey.api;

import fr.relais.events.channel.Channel;
import fr.relais.events.journey.Actor;
import fr.relais.events.journey.StartJourney;
import fr.relais.journey.TestTopics;
import fr.relais.journey.domain.PersonNames;
import fr.relais.journey.messaging.CommandBus;
import fr.relais.journey.persistence.PersonEntity;
import fr.relais.testsupport.DemoUser;
import fr.relais.testsupport.FranceConnectLogin;
import fr.relais.testsupport.KeycloakTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

/**
 * "Effacer mes données" against the real PostgreSQL and Keycloak: Lucie's record (made at the Guéret desk) and the
 * journey started for her are sealed at rest; her erasure destroys their keys, the desk can no longer find her, and
 * her export holds no person any more.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class ErasureApiTest {

    private static final Actor GILLES = new Actor("00000000-0000-4000-8000-000000000005", Set.of("counter-agent"), "fs-gueret",
            Channel.DESK);

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
    void herErasureDestroysTheKeysAndTheDeskNoLongerFindsHer() throws SQLException {
        setAside();
        String gilles = KeycloakTokens.accessToken(DemoUser.GILLES);
        String personId = post(gilles, "/persons", Map.of("givenNames", "Lucie Marie", "familyName", "Bernard",
                "birthDate", "14/07/1962", "phone", "05 55 41 22 90")).statusCode(201).extract().path("personId");
        UUID journeyId = UUID.randomUUID();
        StartJourney start = new StartJourney(UUID.randomUUID(), journeyId, GILLES, Instant.now(), "aide-logement",
                UUID.fromString(personId));
        bus.send(start);
        assertThat(bus.outcomeOf(start.commandId()).path("status").asText()).isEqualTo("ACCEPTED");

        // at rest: ciphertext only, no name, no birth date, no number
        String sealedPerson = single("select sealed from person where id = ?::uuid", personId);
        String sealedCheck = single("select check_value from journey_check_value where journey_id = ?::uuid", journeyId.toString());
        assertThat(sealedPerson).startsWith("s1:").doesNotContain("Bernard").doesNotContain("1962-07-14").doesNotContain("41 22 90");
        assertThat(sealedCheck).startsWith("s1:").doesNotContain("1962-07-14");

        String lucie = FranceConnectLogin.accessToken("lucie");
        post(lucie, "/persons/me/identity", Map.of()).statusCode(200).body("personId", is(personId));
        post(lucie, "/persons/me/erasure", Map.of()).statusCode(400);
        post(lucie, "/persons/me/erasure", Map.of("confirmed", true)).statusCode(200)
                .body("erased.kind", hasItem("journey")).body("erased.journeyId", hasItem(journeyId.toString()))
                .body("erased.kind", hasItem("person-record"))
                .body("kept.reason", hasItem("staff-access-proof"));

        // the keys are gone: the sealed copies taken above (a backup's) open with nothing Relais holds
        assertThat(single("select data_key from person where id = ?::uuid", personId)).isNull();
        assertThat(single("select sealed from person where id = ?::uuid", personId)).isNull();
        assertThat(single("select data_key from journey where id = ?::uuid", journeyId.toString())).isNull();
        // the ciphertext itself stays where it was, unreadable
        assertThat(single("select check_value from journey_check_value where journey_id = ?::uuid", journeyId.toString())).isEqualTo(sealedCheck);

        post(gilles, "/persons/search", Map.of("givenNames", "Lucie Marie", "familyName", "Bernard", "birthDate", "14/07/1962"))
                .statusCode(404).body("type", is("https://relais.example/problems/person-not-found"));
        given().auth().oauth2(lucie).get("/persons/me/data").then().statusCode(200).body("person", nullValue());
        // the erased journey takes no further command
        StartJourney again = new StartJourney(UUID.randomUUID(), UUID.randomUUID(), GILLES, Instant.now(), "aide-logement",
                UUID.fromString(personId));
        bus.send(again);
        assertThat(bus.outcomeOf(again.commandId()).path("status").asText()).isEqualTo("REJECTED");
    }

    private static ValidatableResponse post(String token, String path, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(path).then();
    }

    private String single(String sql, String id) throws SQLException {
        try (Connection db = database.getConnection(); PreparedStatement q = db.prepareStatement(sql)) {
            q.setString(1, id);
            try (ResultSet r = q.executeQuery()) {
                assertThat(r.next()).isTrue();
                return r.getString(1);
            }
        }
    }

    /** The test database outlives runs: an earlier run's Lucie is moved out of the index (and of her account). */
    private void setAside() throws SQLException {
        try (Connection db = database.getConnection(); PreparedStatement rename = db.prepareStatement(
                "update person set identity_index = identity_index || ' ' || id, account_subject = null where identity_index = ?")) {
            rename.setString(1, PersonEntity.indexOf(PersonNames.key("Bernard", "Lucie Marie"), LocalDate.of(1962, 7, 14)));
            rename.executeUpdate();
        }
    }
}
