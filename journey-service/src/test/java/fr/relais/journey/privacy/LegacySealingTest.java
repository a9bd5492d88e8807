package fr.relais.journey.privacy;

import fr.relais.journey.TestTopics;
import fr.relais.journey.domain.PersonNames;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A record and an answer written in clear before V8 are sealed by the background job and still read the same. */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class LegacySealingTest {

    @Inject
    DataSource database;

    @Inject
    LegacySealing sealing;

    @Test
    void clearRowsAreSealedAndStillOpen() throws Throwable {
        UUID personId = UUID.randomUUID();
        UUID journeyId = UUID.randomUUID();
        LocalDate birthDate = LocalDate.of(1931, 5, 17);
        String familyName = "Ancienne" + personId.toString().substring(0, 8);
        execute("insert into person (id, given_names, family_name, name_key, birth_date, identity, created_at, created_by_role) "
                + "values (?::uuid, 'Berthe', ?, ?, ?::date, 'declared', now(), 'counter-agent')",
                personId.toString(), familyName, PersonNames.key(familyName, "Berthe"), birthDate.toString());
        execute("insert into journey (id, procedure_id, procedure_version, status, current_step, version, resume_code, state, started_at, updated_at) "
                + "values (?::uuid, 'aide-logement', 1, 'ABANDONED', 'identite', 1, 'LEGACY', '{}'::jsonb, now(), now())", journeyId.toString());
        execute("insert into journey_answer (journey_id, step_id, field, value, updated_at) values (?::uuid, 'identite', 'nom', ?, now())",
                journeyId.toString(), familyName);

        try {
            assertThat(VertxContextSupport.subscribeAndAwait(() -> sealing.sealAll())).isGreaterThanOrEqualTo(2);
            checkSealed(personId, journeyId, familyName, birthDate);
        } finally {
            // the hand-made journey has no real state: it must not outlive the test in the shared test database
            execute("delete from journey_answer where journey_id = ?::uuid", journeyId.toString());
            execute("delete from journey where id = ?::uuid", journeyId.toString());
            execute("delete from person where id = ?::uuid", personId.toString());
        }
    }

    private void checkSealed(UUID personId, UUID journeyId, String familyName, LocalDate birthDate) throws SQLException {

        try (Connection db = database.getConnection(); PreparedStatement q = db.prepareStatement(
                "select sealed, data_key, identity_index, given_names, family_name, birth_date from person where id = ?::uuid")) {
            q.setString(1, personId.toString());
            try (ResultSet r = q.executeQuery()) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).startsWith("s1:").doesNotContain(familyName);
                assertThat(r.getString(4)).isNull();
                assertThat(r.getString(5)).isNull();
                assertThat(r.getString(6)).isNull();
                assertThat(r.getString(3)).isEqualTo(DataProtection.identityIndex().of(PersonNames.key(familyName, "Berthe"), birthDate));
                assertThat(PersonSecrets.open(r.getString(1), DataProtection.masterKeys().unwrap(r.getString(2)), personId).familyName())
                        .isEqualTo(familyName);
            }
        }
        try (Connection db = database.getConnection(); PreparedStatement q = db.prepareStatement(
                "select a.value, j.data_key from journey_answer a join journey j on j.id = a.journey_id where a.journey_id = ?::uuid")) {
            q.setString(1, journeyId.toString());
            try (ResultSet r = q.executeQuery()) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).startsWith("s1:").doesNotContain(familyName);
                assertThat(DataCipher.open(r.getString(1), DataProtection.masterKeys().unwrap(r.getString(2)),
                        "answer:" + journeyId + ":identite:nom")).isEqualTo(familyName);
            }
        }
    }

    private void execute(String sql, String... params) throws SQLException {
        try (Connection db = database.getConnection(); PreparedStatement s = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setString(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }
}
