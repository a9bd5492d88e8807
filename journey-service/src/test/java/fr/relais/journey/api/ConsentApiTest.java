package fr.relais.journey.api;

import fr.relais.journey.TestTopics;
import fr.relais.journey.domain.PersonNames;
import fr.relais.journey.persistence.PersonEntity;
import fr.relais.testsupport.DemoUser;
import fr.relais.testsupport.FranceConnectLogin;
import fr.relais.testsupport.KeycloakTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Consents as dated records against the real Keycloak and PostgreSQL: an agent records them at the desk; a citizen
 * (Mohamed, signed in through FranceConnect) gives and withdraws them on the portal, through her contact form or one
 * purpose at a time; each change is a dated record with its channel, the current state follows, the recipient read
 * honours it, and her export lists the records.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class ConsentApiTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    DataSource database;

    @Test
    void consentsTickedAtTheDeskAreRecordedAsGivenThereByTheAgent() throws SQLException {
        StringBuilder familyName = new StringBuilder("Lefebvre-");
        for (int i = 0; i < 8; i++) {
            familyName.append((char) ('a' + RANDOM.nextInt(26)));
        }
        String personId = post(KeycloakTokens.accessToken(DemoUser.GILLES), "/persons", Map.of("givenNames", "Jeanne",
                "familyName", familyName.toString(), "birthDate", "03/04/1948", "phone", "05 55 12 34 56",
                "consents", Map.of("email", false, "sms", true, "phone", true, "letter", false)))
                .statusCode(201).body("consents.sms", is(true)).body("consents.surveys", is(false)).extract().path("personId");
        assertThat(records(personId)).containsExactlyInAnyOrder("messages-sms|desk|counter-agent|in-force",
                "calls|desk|counter-agent|in-force");
    }

    @Test
    void anAgentWhoFoundHerChangesAConsentOnHerWord() throws SQLException {
        StringBuilder familyName = new StringBuilder("Garnier-");
        for (int i = 0; i < 8; i++) {
            familyName.append((char) ('a' + RANDOM.nextInt(26)));
        }
        Map<String, Object> identity = Map.of("givenNames", "Odette", "familyName", familyName.toString(), "birthDate", "21/09/1941");
        Map<String, Object> draft = new java.util.HashMap<>(identity);
        draft.put("phone", "05 55 98 76 54");
        draft.put("consents", Map.of("email", false, "sms", true, "phone", true, "letter", false));
        String gilles = KeycloakTokens.accessToken(DemoUser.GILLES);
        String paul = KeycloakTokens.accessToken(DemoUser.PAUL);
        String personId = post(gilles, "/persons", draft).statusCode(201).extract().path("personId");
        String sms = "/persons/" + personId + "/consents/messages-sms";

        given().auth().oauth2(KeycloakTokens.accessToken(DemoUser.CAMILLE)).delete(sms).then().statusCode(403);
        given().auth().oauth2(paul).delete(sms).then().statusCode(404); // paul never found her
        given().auth().oauth2(gilles).put("/persons/" + personId + "/consents/nationality").then().statusCode(400);
        given().auth().oauth2(gilles).put("/persons/" + personId + "/consents/messages-email").then().statusCode(409)
                .body("type", is("https://relais.example/problems/contact-missing"));
        given().auth().oauth2(gilles).delete(sms).then().statusCode(200).body("consents.sms", is(false))
                .body("consents.phone", is(true));

        post(paul, "/persons/search", identity).statusCode(200);
        given().auth().oauth2(paul).put("/persons/" + personId + "/consents/surveys").then().statusCode(200)
                .body("consents.surveys", is(true));
        assertThat(records(personId)).containsExactlyInAnyOrder("messages-sms|desk|counter-agent|withdrawn",
                "calls|desk|counter-agent|in-force", "surveys|phone|phone-agent|in-force");
        assertThat(single("select count(*)::text from access_log where person_id = ?::uuid and action = 'consent-change' "
                + "and reason = 'on-her-word'", personId)).isEqualTo("2");
    }

    @Test
    void sheGivesAndWithdrawsEachConsentAndEveryChangeIsADatedRecord() throws SQLException {
        setAside("Benali", "Mohamed", "1951-11-02");
        String mohamed = FranceConnectLogin.accessToken("mohamed-fc");
        String personId = post(mohamed, "/persons/me/identity", Map.of()).statusCode(200).extract().path("personId");
        try {
            given().auth().oauth2(KeycloakTokens.accessToken(DemoUser.AGNES)).get("/persons/me/consents").then().statusCode(403);
            get(mohamed).body("hasPerson", is(true)).body("history", hasSize(0))
                    .body("purposes.find { it.purpose == 'messages-email' }.given", is(false))
                    .body("purposes.find { it.purpose == 'messages-email' }.contactMissing", is(true))
                    .body("purposes.find { it.purpose == 'surveys' }.contactMissing", is(false));
            put(mohamed, "nationality").statusCode(400);
            put(mohamed, "messages-email").statusCode(409).body("type", is("https://relais.example/problems/contact-missing"));

            // the contact form gives the e-mail consent: a record given on the portal by herself
            given().auth().oauth2(mohamed).contentType(ContentType.JSON)
                    .body(Map.of("email", "mohamed.benali@example.org", "consents", Map.of("email", true, "sms", false, "letter", false)))
                    .put("/persons/me/contact").then().statusCode(200);
            get(mohamed).body("purposes.find { it.purpose == 'messages-email' }.given", is(true))
                    .body("purposes.find { it.purpose == 'messages-email' }.givenVia", is("portal"))
                    .body("purposes.find { it.purpose == 'messages-email' }.givenAt", notNullValue());

            put(mohamed, "surveys").statusCode(200).body("purposes.find { it.purpose == 'surveys' }.given", is(true));
            put(mohamed, "surveys").statusCode(200).body("history.findAll { it.purpose == 'surveys' }", hasSize(1));
            delete(mohamed, "messages-email").statusCode(200)
                    .body("purposes.find { it.purpose == 'messages-email' }.given", is(false))
                    .body("history.find { it.purpose == 'messages-email' }.withdrawnVia", is("portal"))
                    .body("history.find { it.purpose == 'messages-email' }.withdrawnAt", notNullValue());
            delete(mohamed, "messages-email").statusCode(200).body("history.findAll { it.purpose == 'messages-email' }", hasSize(1));

            // honoured: the current state every reader uses follows the records
            assertThat(records(personId)).containsExactlyInAnyOrder("messages-email|portal|citizen|withdrawn",
                    "surveys|portal|citizen|in-force");
            assertThat(single("select consent_email::text || ',' || consent_surveys::text from person where id = ?::uuid", personId))
                    .isEqualTo("false,true");
            given().auth().oauth2(mohamed).get("/persons/me/contact").then().statusCode(200).body("consents.email", is(false));
            given().auth().oauth2(mohamed).get("/persons/me/data").then().statusCode(200)
                    .body("consents", hasSize(2)).body("consents.purpose", hasItem("surveys"))
                    .body("consents.find { it.purpose == 'surveys' }.withdrawnAt", nullValue());
            assertThat(single("select count(*)::text from access_log where person_id = ?::uuid and action = 'consent-change'", personId))
                    .isEqualTo("2");
        } finally {
            execute("update person set account_subject = null where id = ?::uuid", personId);
        }
    }

    private static ValidatableResponse get(String token) {
        return given().auth().oauth2(token).get("/persons/me/consents").then().statusCode(200);
    }

    private static ValidatableResponse put(String token, String purpose) {
        return given().auth().oauth2(token).put("/persons/me/consents/" + purpose).then();
    }

    private static ValidatableResponse delete(String token, String purpose) {
        return given().auth().oauth2(token).delete("/persons/me/consents/" + purpose).then();
    }

    private static ValidatableResponse post(String token, String path, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(path).then();
    }

    /** purpose|given via|given by|in-force or withdrawn, one per record. */
    private List<String> records(String personId) throws SQLException {
        try (Connection db = database.getConnection(); PreparedStatement q = db.prepareStatement(
                "select purpose, given_via, given_by_role, withdrawn_at is null from consent where person_id = ?::uuid")) {
            q.setString(1, personId);
            List<String> rows = new ArrayList<>();
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    rows.add(r.getString(1) + "|" + r.getString(2) + "|" + r.getString(3) + "|"
                            + (r.getBoolean(4) ? "in-force" : "withdrawn"));
                }
            }
            return rows;
        }
    }

    private String single(String sql, String param) throws SQLException {
        try (Connection db = database.getConnection(); PreparedStatement q = db.prepareStatement(sql)) {
            q.setString(1, param);
            try (ResultSet r = q.executeQuery()) {
                assertThat(r.next()).isTrue();
                return r.getString(1);
            }
        }
    }

    /** The test database outlives runs: an earlier run's record with this identity leaves the index and its account. */
    private void setAside(String familyName, String givenNames, String birthDate) throws SQLException {
        execute("update person set identity_index = identity_index || ' ' || id, account_subject = null where identity_index = ?",
                PersonEntity.indexOf(PersonNames.key(familyName, givenNames), LocalDate.parse(birthDate)));
    }

    private void execute(String sql, String param) throws SQLException {
        try (Connection db = database.getConnection(); PreparedStatement s = db.prepareStatement(sql)) {
            s.setString(1, param);
            s.executeUpdate();
        }
    }
}
