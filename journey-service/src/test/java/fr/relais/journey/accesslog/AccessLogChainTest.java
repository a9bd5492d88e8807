package fr.relais.journey.accesslog;

import fr.relais.journey.TestTopics;
import fr.relais.testsupport.DemoUser;
import fr.relais.testsupport.KeycloakTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;

/**
 * The access log's chain against the real PostgreSQL: concurrent reads of one person's record are chained without a
 * fork, a digest is signed on an operator's request, and the verifier (as ./relais verify-access-log runs it) finds
 * the log intact, then names the row an UPDATE or DELETE in PostgreSQL changed (rolled back after).
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class AccessLogChainTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    DataSource database;

    private static ValidatableResponse post(DemoUser user, String path, Object body) {
        return given().auth().oauth2(KeycloakTokens.accessToken(user)).contentType(ContentType.JSON).body(body).post(path).then();
    }

    /** The test database outlives a run: a person of this run's own. */
    private static String uniqueFamilyName() {
        StringBuilder name = new StringBuilder("Chaine-");
        for (int i = 0; i < 8; i++) {
            name.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return name.toString();
    }

    @Test
    void concurrentReadsAreChainedAndTheVerifierNamesWhatPostgresqlEdits() throws Exception {
        String familyName = uniqueFamilyName();
        Map<String, Object> person = Map.of("givenNames", "Odile", "familyName", familyName, "birthDate", "1947-05-19");
        String personId = post(DemoUser.GILLES, "/persons", person).statusCode(201).extract().path("personId");
        String token = KeycloakTokens.accessToken(DemoUser.PAUL);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<CompletableFuture<Integer>> searches = IntStream.range(0, 12).mapToObj(i -> CompletableFuture.supplyAsync(() ->
                    given().auth().oauth2(token).contentType(ContentType.JSON).body(person).post("/persons/search").statusCode(),
                    pool)).toList();
            assertThat(searches.stream().map(CompletableFuture::join)).containsOnly(200);
        } finally {
            pool.shutdown();
        }

        List<long[]> chain = chainOf(personId);
        assertThat(chain).extracting(row -> row[1]).containsExactlyElementsOf(
                IntStream.rangeClosed(1, 13).mapToObj(Long::valueOf).toList());

        // the digest on request: ops and admin only
        post(DemoUser.PAUL, "/access-log/digests", Map.of()).statusCode(403);
        post(DemoUser.OLGA, "/access-log/digests", Map.of()).statusCode(200)
                .body("chains", greaterThanOrEqualTo(1)).body("keyId", is(keyId())).body("day", is((Object) null));
        List<VerifyingKey> trusted = List.of(VerifyingKey.fromBase64(given().auth().oauth2(KeycloakTokens.accessToken(DemoUser.ADA))
                .get("/access-log/signing-key").then().statusCode(200).body("algorithm", is("Ed25519"))
                .extract().<String>path("publicKey")));

        try (Connection db = database.getConnection()) {
            assertThat(verify(db, trusted)).contains("intact");

            db.setAutoCommit(false);
            try {
                long fifth = chain.get(4)[0];
                try (PreparedStatement edit = db.prepareStatement("update access_log set reason = 'mandate' where id = ?")) {
                    edit.setLong(1, fifth);
                    assertThat(edit.executeUpdate()).isEqualTo(1);
                }
                // the row is named; the chain no longer gives the head the digest signed either
                assertThat(verify(db, trusted)).contains("2 finding(s)").contains("entry " + fifth + " (chain " + personId + " #5")
                        .contains("edited").contains("chain " + personId + ": differs from digest ");
                db.rollback();

                long eighth = chain.get(7)[0];
                try (PreparedStatement delete = db.prepareStatement("delete from access_log where id = ?")) {
                    delete.setLong(1, eighth);
                    assertThat(delete.executeUpdate()).isEqualTo(1);
                }
                assertThat(verify(db, trusted)).contains("chain " + personId + ": #8 is missing: deleted")
                        .contains("entry " + chain.get(8)[0] + " (chain " + personId + " #9").contains("does not follow entry " + chain.get(6)[0]);
                db.rollback();

                // the last entry removed: no broken link is left, the signed digest and the head row say it
                long last = chain.get(12)[0];
                try (PreparedStatement delete = db.prepareStatement("delete from access_log where id = ?")) {
                    delete.setLong(1, last);
                    delete.executeUpdate();
                }
                assertThat(verify(db, trusted)).contains("chain " + personId + ": digest ").contains("signed 13 entries, the log has 12");
            } finally {
                db.rollback(); // whatever an assertion interrupted: the test database stays intact for the next run
                db.setAutoCommit(true);
            }
            assertThat(verify(db, trusted)).contains("intact");
        }
    }

    private static String keyId() {
        return VerifyingKey.fromBase64(SigningKey.fromBase64Seed("ZGV2LW9ubHktYWNjZXNzLWxvZy1zaWduaW5nLWtleSE=")
                .verifyingKey().base64()).keyId();
    }

    private static String verify(Connection db, List<VerifyingKey> trusted) throws SQLException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        VerifyAccessLog.verify(new AccessLogRows(db), trusted, new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The person's chain as stored: id and position of each entry, checking each links to the one before. */
    private List<long[]> chainOf(String personId) throws SQLException {
        List<long[]> rows = new ArrayList<>();
        byte[] previous = EntryHash.GENESIS;
        try (Connection db = database.getConnection(); PreparedStatement q = db.prepareStatement(
                "select id, chain_seq, previous_hash, entry_hash from access_log where chain_id = ?::uuid order by chain_seq")) {
            q.setString(1, personId);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    assertThat(Arrays.equals(r.getBytes(3), previous)).as("entry %d links to the one before", r.getLong(1)).isTrue();
                    previous = r.getBytes(4);
                    rows.add(new long[]{r.getLong(1), r.getLong(2)});
                }
            }
        }
        return rows;
    }
}
