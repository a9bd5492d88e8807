package fr.relais.journey.api;

import fr.relais.journey.domain.PersonNames;
import fr.relais.journey.persistence.PersonEntity;
import fr.relais.journey.privacy.DataProtection;
import fr.relais.journey.privacy.PersonSecrets;
import fr.relais.testsupport.DemoUser;
import fr.relais.testsupport.KeycloakTokens;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * GET and PUT /persons/me/contact: a citizen manages how she is reached, with her own token. Mohamed (demo user) stands
 * for a citizen without a person record: the test unlinks his account from the record it has (the test database
 * outlives a run), and links it back at the end.
 */
@QuarkusTest
class MyContactApiTest {

    private static final String MOHAMED_SUBJECT = "00000000-0000-4000-8000-000000000002";
    private static final String PATH = "/persons/me/contact";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    DataSource database;

    @Test
    void onlyCitizensManageTheirOwnContact() {
        for (DemoUser user : List.of(DemoUser.GILLES, DemoUser.PAUL, DemoUser.MAYA, DemoUser.OLGA)) {
            given().auth().oauth2(KeycloakTokens.accessToken(user)).get(PATH).then().statusCode(403);
            given().auth().oauth2(KeycloakTokens.accessToken(user)).contentType(ContentType.JSON).body(Map.of())
                    .put(PATH).then().statusCode(403);
        }
        given().get(PATH).then().statusCode(401);
        put(DemoUser.CAMILLE, "{\"email\": ").statusCode(400);
        put(DemoUser.CAMILLE, Map.of("unknown", "x")).statusCode(400);
    }

    @Test
    void aCitizenWithoutRecordCreatesItThenChangesHowSheIsReached() throws SQLException {
        UUID previous = linkedPerson();
        unlink(previous);
        UUID created = null;
        try {
            get(DemoUser.MOHAMED).statusCode(200).body("hasPerson", is(false)).body("personId", nullValue())
                    .body("consents.email", is(false)).body("consents.sms", is(false)).body("consents.letter", is(false));

            // every mistake at once, named by field, in French; a consent needs its channel's contact
            put(DemoUser.MOHAMED, contact(null, "pas-un-mail", "12", Map.of("line", "3 place du Marché", "postcode", "230",
                    "city", "Guéret"), true, true, false)).statusCode(400)
                    .body("type", is("https://relais.example/problems/invalid-contact"))
                    .body("errors.field", containsInAnyOrder("birthDate", "email", "phone", "address.postcode"))
                    .body("errors.find { it.field == 'address.postcode' }.message", is("code postal à 5 chiffres attendu"));
            put(DemoUser.MOHAMED, contact("1951-11-02", null, null, null, true, true, true)).statusCode(400)
                    .body("type", is("https://relais.example/problems/invalid-contact"))
                    .body("errors.field", containsInAnyOrder("consents.email", "consents.sms", "consents.letter"))
                    .body("errors.find { it.field == 'consents.email' }.message",
                            is("un accord pour les e-mails demande une adresse e-mail"));

            // a record with his names and this birth date exists already: never linked here, he attaches a journey instead
            String taken = freeBirthDate();
            given().auth().oauth2(KeycloakTokens.accessToken(DemoUser.GILLES)).contentType(ContentType.JSON)
                    .body(Map.of("givenNames", "Mohamed", "familyName", "Benali", "birthDate", taken))
                    .post("/persons").then().statusCode(201);
            String duplicate = put(DemoUser.MOHAMED, contact(taken, null, "05 55 12 34 56", null, false, true, false))
                    .statusCode(409).body("type", is("https://relais.example/problems/duplicate-person"))
                    .body("fields", hasItems("familyName", "givenNames", "birthDate"))
                    .body("detail", containsString("code de reprise")).extract().asString();
            assertThat(duplicate).doesNotContain(taken).doesNotContain("Benali");
            get(DemoUser.MOHAMED).statusCode(200).body("hasPerson", is(false));

            // his record is created from his account's names, declared, linked to his account
            String birthDate = freeBirthDate();
            String personId = put(DemoUser.MOHAMED, contact(birthDate, null, "05 55 12 34 56",
                    Map.of("line", "3 place du Marché", "postcode", "23000", "city", "Guéret"), false, true, true))
                    .statusCode(200).body("hasPerson", is(true)).body("phone", is("+33555123456"))
                    .body("address.city", is("Guéret")).body("consents.sms", is(true)).body("consents.letter", is(true))
                    .body("consents.email", is(false)).body("$", not(org.hamcrest.Matchers.hasKey("email")))
                    .extract().path("personId");
            created = UUID.fromString(personId);
            assertThat(record(created)).isEqualTo(
                    "Mohamed|Benali|" + birthDate + "|declared|citizen|" + MOHAMED_SUBJECT + "|+33555123456|null");
            get(DemoUser.MOHAMED).statusCode(200).body("personId", is(personId)).body("phone", is("+33555123456"));

            // he changes it: an e-mail now, no more letters, no address
            put(DemoUser.MOHAMED, contact(null, " m.benali@example.org ", "+33 5 55 12 34 56", null, true, true, false))
                    .statusCode(200).body("personId", is(personId)).body("email", is("m.benali@example.org"))
                    .body("address", nullValue()).body("consents.email", is(true)).body("consents.letter", is(false));
            // the same again changes nothing, so nothing more is logged
            put(DemoUser.MOHAMED, contact(null, "m.benali@example.org", "05 55 12 34 56", null, true, true, false))
                    .statusCode(200);
            // a consent without its contact is refused on an existing record too, and changes nothing
            put(DemoUser.MOHAMED, contact(null, "m.benali@example.org", null, null, true, true, false)).statusCode(400)
                    .body("errors.field", containsInAnyOrder("consents.sms"));
            get(DemoUser.MOHAMED).statusCode(200).body("email", is("m.benali@example.org")).body("phone", is("+33555123456"))
                    .body("consents.sms", is(true));

            assertThat(accessLog(created)).containsExactly("citizen|portal|create|identity-declared-online",
                    "citizen|portal|contact-change|self-service");
        } finally {
            unlink(created);
            relink(previous);
        }
    }

    private static Map<String, Object> contact(String birthDate, String email, String phone, Map<String, String> address,
                                               boolean emailConsent, boolean smsConsent, boolean letterConsent) {
        Map<String, Object> body = new HashMap<>();
        body.put("birthDate", birthDate);
        body.put("email", email);
        body.put("phone", phone);
        body.put("address", address);
        body.put("consents", Map.of("email", emailConsent, "sms", smsConsent, "letter", letterConsent));
        return body;
    }

    private static ValidatableResponse get(DemoUser user) {
        return given().auth().oauth2(KeycloakTokens.accessToken(user)).get(PATH).then();
    }

    private static ValidatableResponse put(DemoUser user, Object body) {
        return given().auth().oauth2(KeycloakTokens.accessToken(user)).contentType(ContentType.JSON).body(body).put(PATH).then();
    }

    /** A birth date no "Mohamed Benali" is recorded with yet. */
    private String freeBirthDate() throws SQLException {
        while (true) {
            LocalDate candidate = LocalDate.of(1920, 1, 1).plusDays(RANDOM.nextInt(80 * 365));
            try (Connection c = database.getConnection(); PreparedStatement query = c.prepareStatement(
                    "SELECT count(*) FROM person WHERE identity_index = ?")) {
                query.setString(1, PersonEntity.indexOf(PersonNames.key("Benali", "Mohamed"), candidate));
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    if (row.getLong(1) == 0) {
                        return candidate.toString();
                    }
                }
            }
        }
    }

    private UUID linkedPerson() throws SQLException {
        try (Connection c = database.getConnection();
             PreparedStatement query = c.prepareStatement("SELECT id FROM person WHERE account_subject = ?")) {
            query.setString(1, MOHAMED_SUBJECT);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getObject(1, UUID.class) : null;
            }
        }
    }

    private void unlink(UUID personId) throws SQLException {
        if (personId == null) {
            return;
        }
        try (Connection c = database.getConnection();
             PreparedStatement update = c.prepareStatement("UPDATE person SET account_subject = NULL WHERE id = ?")) {
            update.setObject(1, personId);
            update.executeUpdate();
        }
    }

    private void relink(UUID personId) throws SQLException {
        if (personId == null) {
            return;
        }
        try (Connection c = database.getConnection();
             PreparedStatement update = c.prepareStatement("UPDATE person SET account_subject = ? WHERE id = ?")) {
            update.setString(1, MOHAMED_SUBJECT);
            update.setObject(2, personId);
            update.executeUpdate();
        }
    }

    /** given|family|birth date|identity|created by role|account|phone|email. */
    private String record(UUID personId) throws SQLException {
        try (Connection c = database.getConnection(); PreparedStatement query = c.prepareStatement(
                "SELECT sealed, data_key, identity, created_by_role, account_subject FROM person WHERE id = ?")) {
            query.setObject(1, personId);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                // at rest the record is ciphertext: opened here with the data key the master key unwraps
                PersonSecrets secrets = PersonSecrets.open(row.getString(1), DataProtection.masterKeys().unwrap(row.getString(2)), personId);
                List<String> values = new ArrayList<>(List.of(secrets.givenNames(), secrets.familyName(), String.valueOf(secrets.birthDate()),
                        row.getString(3), row.getString(4), String.valueOf(row.getString(5)), String.valueOf(secrets.phone()),
                        String.valueOf(secrets.email())));
                assertThat(row.getString(1)).startsWith("s1:").doesNotContain(secrets.familyName());
                return String.join("|", values);
            }
        }
    }

    /** Her record's access log: role|channel|action|reason. */
    private List<String> accessLog(UUID personId) throws SQLException {
        List<String> entries = new ArrayList<>();
        try (Connection c = database.getConnection(); PreparedStatement query = c.prepareStatement(
                "SELECT actor_role, channel, action, reason FROM access_log WHERE person_id = ? ORDER BY at, id")) {
            query.setObject(1, personId);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    entries.add(String.join("|", row.getString(1), row.getString(2), row.getString(3), row.getString(4)));
                }
            }
        }
        return entries;
    }
}
