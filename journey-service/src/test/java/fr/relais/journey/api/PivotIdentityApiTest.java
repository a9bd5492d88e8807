package fr.relais.journey.api;

import fr.relais.events.channel.Channel;
import fr.relais.events.journey.Actor;
import fr.relais.events.journey.StartJourney;
import fr.relais.journey.TestTopics;
import fr.relais.journey.messaging.CommandBus;
import fr.relais.journey.domain.PersonNames;
import fr.relais.journey.persistence.PersonEntity;
import fr.relais.journey.service.PivotIdentities;
import fr.relais.problem.ProblemException;
import fr.relais.testsupport.DemoUser;
import fr.relais.testsupport.FranceConnectLogin;
import fr.relais.testsupport.KeycloakTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

/**
 * FranceConnect's pivot identity meets the person records, against the real Keycloak (the relais realm brokering
 * franceconnect-sim) and PostgreSQL: Lucie, recorded at the Guéret desk, signs in through the broker and her record is
 * linked to her account; the journey started for her shows as waiting for her resume code, then is hers once
 * attached. An account signed in with a password certifies nothing; a record linked to another account is not taken.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class PivotIdentityApiTest {

    private static final Actor GILLES = new Actor("00000000-0000-4000-8000-000000000005", Set.of("counter-agent"), "fs-gueret",
            Channel.DESK);

    static CommandBus bus;

    @Inject
    PivotIdentities identities;

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

    /** A claim of the token's payload, as the services read it. */
    private static String claim(String token, String name) {
        try {
            byte[] payload = java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]);
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(payload).path(name).asText(null);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ValidatableResponse post(String token, String path, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(path).then();
    }

    @Test
    void luciesCertifiedIdentityFindsTheRecordMadeAtTheDeskAndHerJourneyWaitsForItsResumeCode() throws SQLException {
        setAside("Bernard", "Lucie Marie", "1962-07-14");
        String gilles = KeycloakTokens.accessToken(DemoUser.GILLES);
        String personId = post(gilles, "/persons", Map.of("givenNames", "Lucie Marie", "familyName", "BERNARD",
                "birthDate", "14/07/1962")).statusCode(201).extract().path("personId");
        UUID journeyId = UUID.randomUUID();
        StartJourney start = new StartJourney(UUID.randomUUID(), journeyId, GILLES, Instant.now(), "aide-logement",
                UUID.fromString(personId));
        bus.send(start);
        assertThat(bus.outcomeOf(start.commandId()).path("status").asText()).isEqualTo("ACCEPTED");

        // a password account certifies nothing
        post(KeycloakTokens.accessToken(DemoUser.CAMILLE), "/persons/me/identity", Map.of()).statusCode(403)
                .body("type", is("https://relais.example/problems/identity-not-certified"));

        // the provider's level reaches the token; one below eidas1 certifies nothing (franceconnect-sim always answers
        // eidas1 to a fresh sign-in, so the rule is asked directly)
        String lucie = FranceConnectLogin.accessToken("lucie");
        assertThat(claim(lucie, "identity_acr")).isEqualTo("eidas1");
        Actor lucieActor = new Actor("lucie-subject", Set.of("citizen"), null, Channel.PORTAL);
        assertThatThrownBy(() -> VertxContextSupport.subscribeAndAwait(() -> identities.link(lucieActor,
                new PivotIdentities.Pivot("franceconnect", "1", "Lucie Marie", "Bernard", "1962-07-14"))))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.type()).isEqualTo("identity-level-too-low"));
        post(lucie, "/persons/me/identity", Map.of()).statusCode(200).body("personId", is(personId)).body("outcome", is("linked"))
                .body("pendingJourneys.journeyId", hasItem(journeyId.toString()));
        post(lucie, "/persons/me/identity", Map.of()).statusCode(200).body("outcome", is("already"));
        assertThat(identityOf(personId)).isEqualTo("certified");
        assertThat(accessLogActions(personId)).contains("identity-link");

        // the desk's journey is not hers until she confirms it with the receipt's resume code
        assertThat(given().auth().oauth2(lucie).get("/journeys/mine").then().statusCode(200).extract().asString())
                .doesNotContain(journeyId.toString());
        String resumeCode = given().auth().oauth2(gilles).get("/journeys/" + journeyId + "/receipt").then().statusCode(200)
                .extract().path("resumeCode");
        post(lucie, "/journeys/attach", Map.of("resumeCode", resumeCode, "checkValue", "14/07/1962")).statusCode(200);
        assertThat(given().auth().oauth2(lucie).get("/journeys/mine").then().statusCode(200).extract().asString())
                .contains(journeyId.toString());
        post(lucie, "/persons/me/identity", Map.of()).statusCode(200).body("pendingJourneys.size()", is(0));
    }

    @Test
    void aRecordLinkedToAnotherAccountIsNotTaken() throws SQLException {
        setAside("Benali", "Mohamed", "1951-11-02");
        String personId = post(KeycloakTokens.accessToken(DemoUser.GILLES), "/persons", Map.of("givenNames", "Mohamed",
                "familyName", "Benali", "birthDate", "1951-11-02")).statusCode(201).extract().path("personId");
        try (Connection db = database.getConnection();
             PreparedStatement link = db.prepareStatement("update person set account_subject = ? where id = ?::uuid")) {
            link.setString(1, "another-account-" + UUID.randomUUID());
            link.setString(2, personId);
            link.executeUpdate();
        }
        post(FranceConnectLogin.accessToken("mohamed-fc"), "/persons/me/identity", Map.of()).statusCode(409)
                .body("type", is("https://relais.example/problems/person-linked-elsewhere"));
    }

    /** The test database outlives runs (and Keycloak's users do not): an earlier run's record is renamed aside. */
    private void setAside(String familyName, String givenNames, String birthDate) throws SQLException {
        // the index is a keyed hash of the exact names and birth date: a suffix makes it match nobody
        try (Connection db = database.getConnection(); PreparedStatement rename = db.prepareStatement(
                "update person set identity_index = identity_index || ' ' || id, account_subject = null where identity_index = ?")) {
            rename.setString(1, PersonEntity.indexOf(PersonNames.key(familyName, givenNames), LocalDate.parse(birthDate)));
            rename.executeUpdate();
        }
    }

    private String identityOf(String personId) throws SQLException {
        try (Connection db = database.getConnection();
             PreparedStatement q = db.prepareStatement("select identity from person where id = ?::uuid")) {
            q.setString(1, personId);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }

    private String accessLogActions(String personId) throws SQLException {
        StringBuilder actions = new StringBuilder();
        try (Connection db = database.getConnection();
             PreparedStatement q = db.prepareStatement("select action from access_log where person_id = ?::uuid order by id")) {
            q.setString(1, personId);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    actions.append(r.getString(1)).append(' ');
                }
            }
        }
        return actions.toString();
    }
}
