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
import static org.hamcrest.Matchers.is;

/**
 * "Corriger" against the real Keycloak and PostgreSQL: Mohamed (signed in through FranceConnect) asks for his given
 * names to be corrected; a counter agent opens the request (logged), cannot apply it without the identity document,
 * then applies it; the desk finds him under the corrected names only, and his access log shows both steps.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class CorrectionApiTest {

    @Inject
    DataSource database;

    @Test
    void aCounterAgentAppliesTheCorrectionOnTheIdentityDocument() throws SQLException {
        setAside("Benali", "Mohamed", "1951-11-02");
        setAside("Benali", "Mohamed Ali", "1951-11-02");
        String mohamed = FranceConnectLogin.accessToken("mohamed-fc");
        String personId = post(mohamed, "/persons/me/identity", Map.of()).statusCode(200).extract().path("personId");
        try {
            post(mohamed, "/persons/me/corrections", Map.of("field", "nationality", "value", "x")).statusCode(400);
            String id = post(mohamed, "/persons/me/corrections", Map.of("field", "given-names", "value", "Mohamed Ali"))
                    .statusCode(201).body("status", is("open")).extract().path("id");
            assertThat(rawValue(id)).startsWith("s1:").doesNotContain("Ali");

            String agnes = KeycloakTokens.accessToken(DemoUser.AGNES);
            given().auth().oauth2(KeycloakTokens.accessToken(DemoUser.CAMILLE)).get("/corrections").then().statusCode(403);
            given().auth().oauth2(agnes).get("/corrections").then().statusCode(200).body("id", hasItem(id));
            given().auth().oauth2(agnes).get("/corrections/" + id).then().statusCode(200)
                    .body("givenNames", is("Mohamed")).body("requestedValue", is("Mohamed Ali"));
            post(agnes, "/corrections/" + id + "/decision", Map.of("outcome", "applied")).statusCode(400);
            post(agnes, "/corrections/" + id + "/decision", Map.of("outcome", "applied", "identityDocumentSeen", true))
                    .statusCode(200).body("givenNames", is("Mohamed Ali")).body("status", is("applied"));
            post(agnes, "/corrections/" + id + "/decision", Map.of("outcome", "refused", "refusalReason", "no-document"))
                    .statusCode(409);

            given().auth().oauth2(mohamed).get("/persons/me/corrections").then().statusCode(200).body("status", hasItem("applied"));
            post(agnes, "/persons/search", Map.of("givenNames", "Mohamed Ali", "familyName", "Benali", "birthDate", "02/11/1951"))
                    .statusCode(200).body("personId", is(personId));
            post(agnes, "/persons/search", Map.of("givenNames", "Mohamed", "familyName", "Benali", "birthDate", "02/11/1951"))
                    .statusCode(404);
            assertThat(accessLogActions(personId)).contains("correction-read", "correction-applied");
        } finally {
            // his account must not stay linked to the renamed record: other tests link mohamed-fc afresh
            execute("update person set account_subject = null where id = ?::uuid", personId);
        }
    }

    private static ValidatableResponse post(String token, String path, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(path).then();
    }

    private String rawValue(String id) throws SQLException {
        try (Connection db = database.getConnection();
             PreparedStatement q = db.prepareStatement("select requested_value from correction_request where id = ?::uuid")) {
            q.setString(1, id);
            try (ResultSet r = q.executeQuery()) {
                assertThat(r.next()).isTrue();
                return r.getString(1);
            }
        }
    }

    private List<String> accessLogActions(String personId) throws SQLException {
        try (Connection db = database.getConnection();
             PreparedStatement q = db.prepareStatement("select action from access_log where person_id = ?::uuid order by id")) {
            q.setString(1, personId);
            List<String> actions = new ArrayList<>();
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    actions.add(r.getString(1));
                }
            }
            return actions;
        }
    }

    /** The test database outlives runs: an earlier run's record with this identity leaves the index and its account. */
    private void setAside(String familyName, String givenNames, String birthDate) throws SQLException {
        try (Connection db = database.getConnection(); PreparedStatement rename = db.prepareStatement(
                "update person set identity_index = identity_index || ' ' || id, account_subject = null where identity_index = ?")) {
            rename.setString(1, PersonEntity.indexOf(PersonNames.key(familyName, givenNames), LocalDate.parse(birthDate)));
            rename.executeUpdate();
        }
    }

    private void execute(String sql, String param) throws SQLException {
        try (Connection db = database.getConnection(); PreparedStatement s = db.prepareStatement(sql)) {
            s.setString(1, param);
            s.executeUpdate();
        }
    }
}
