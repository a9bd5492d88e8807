package fr.relais.system.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import fr.relais.system.harness.Api;
import fr.relais.system.harness.Persons;
import fr.relais.system.harness.RelaisSystem;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static fr.relais.testsupport.DemoUser.CAMILLE;
import static fr.relais.testsupport.DemoUser.GILLES;
import static fr.relais.testsupport.DemoUser.OLGA;
import static fr.relais.testsupport.DemoUser.PAUL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tamper test (#22): staff reads of Mohamed's record go to his access-log chain, an operator has the chains'
 * heads signed, and ./relais verify-access-log (an auditor's command, reading PostgreSQL itself) finds the log intact;
 * one row edited in PostgreSQL makes it fail and name that row; put back, the log verifies again.
 */
@ExtendWith(RelaisSystem.class)
@Order(47)
class AccessLogTest {

    private static final String DATABASE = "journey_system";

    private record Verdict(int exit, String output) {
    }

    @Test
    void anAccessLogRowEditedInPostgresqlIsNamedByTheVerifier() throws Exception {
        String mohamed = Persons.mohamed(GILLES);
        Map<String, String> search = Map.of("givenNames", "Mohamed", "familyName", "Benali", "birthDate", Persons.MOHAMED_BIRTH_DATE);
        Api.as(GILLES).post("/api/desk/persons/search", search).expect(200);
        Api.as(PAUL).post("/api/phone/persons/search", search).expect(200);

        Api journeyOps = Api.at(RelaisSystem.services().journey(), OLGA);
        Api.at(RelaisSystem.services().journey(), CAMILLE).post("/access-log/digests", Map.of()).expect(403);
        JsonNode digest = journeyOps.post("/access-log/digests", Map.of()).expect(200);
        JsonNode key = journeyOps.get("/access-log/signing-key").expect(200);
        assertThat(digest.get("keyId").asText()).isEqualTo(key.get("keyId").asText());
        assertThat(digest.get("signedText").asText()).contains("root " + digest.get("root").asText());
        String trusted = key.get("publicKey").asText();

        Verdict intact = verify(trusted);
        assertThat(intact.exit()).as(intact.output()).isZero();
        assertThat(intact.output()).contains("intact");

        try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pgPort() + "/" + DATABASE, "journey", "journey")) {
            long[] row = latestSearchOf(db, mohamed);
            String reason = reasonOf(db, row[0]);
            setReason(db, row[0], "mandate");
            try {
                Verdict tampered = verify(trusted);
                assertThat(tampered.exit()).as(tampered.output()).isEqualTo(1);
                assertThat(tampered.output()).contains("entry " + row[0] + " (chain " + mohamed + " #" + row[1])
                        .contains("edited: what it says no longer matches its hash");
            } finally {
                setReason(db, row[0], reason);
            }
            Verdict restored = verify(trusted);
            assertThat(restored.exit()).as(restored.output()).isZero();
        }
    }

    private static Verdict verify(String trustedKey) throws IOException, InterruptedException {
        Path home = Path.of(System.getProperty("relais.home", "..")).toAbsolutePath().normalize();
        ProcessBuilder builder = new ProcessBuilder(home.resolve("relais").toString(), "verify-access-log", DATABASE)
                .directory(home.toFile()).redirectErrorStream(true);
        builder.environment().put("RELAIS_ACCESS_LOG_VERIFY_KEYS", trustedKey);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the verifier ends").isTrue();
        return new Verdict(process.exitValue(), output);
    }

    /** The id and position of the last search that found Mohamed. */
    private static long[] latestSearchOf(Connection db, String personId) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("select id, chain_seq from access_log where chain_id = ?::uuid "
                + "and action = 'search' order by chain_seq desc limit 1")) {
            q.setString(1, personId);
            try (ResultSet r = q.executeQuery()) {
                assertThat(r.next()).as("a search of Mohamed's record is in his chain").isTrue();
                return new long[]{r.getLong(1), r.getLong(2)};
            }
        }
    }

    private static String reasonOf(Connection db, long id) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("select reason from access_log where id = ?")) {
            q.setLong(1, id);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }

    private static void setReason(Connection db, long id, String reason) throws SQLException {
        try (PreparedStatement edit = db.prepareStatement("update access_log set reason = ? where id = ?")) {
            edit.setString(1, reason);
            edit.setLong(2, id);
            assertThat(edit.executeUpdate()).isEqualTo(1);
        }
    }

    private static String pgPort() {
        String port = System.getenv("RELAIS_PG_PORT");
        return port == null || port.isBlank() ? "15432" : port;
    }
}
