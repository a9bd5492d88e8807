package fr.relais.journey.privacy;

import fr.relais.journey.TestTopics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Master-key rotation against the real PostgreSQL: a person's key wrapped under the old master key m0 (the test
 * configuration knows m0 and m1, m1 active) is re-wrapped under m1, and her sealed record still opens with it.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class DataKeyRotationTest {

    @Inject
    DataSource database;

    @Inject
    DataKeyRotation rotation;

    @ConfigProperty(name = "relais.data.master-keys")
    String masterKeys;

    @Test
    void keysUnderTheOldMasterKeyAreRewrappedAndStillOpen() throws Throwable {
        UUID personId = UUID.randomUUID();
        MasterKeys old = MasterKeys.parse(masterKeys, "m0");
        String wrappedUnderOld = old.newWrappedKey();
        PersonSecrets secrets = new PersonSecrets("Odile", "Rotation", java.time.LocalDate.of(1940, 2, 29), null, null, null, null, null);
        String sealed = secrets.seal(old.unwrap(wrappedUnderOld), personId);
        try (Connection db = database.getConnection(); PreparedStatement insert = db.prepareStatement(
                "insert into person (id, identity, created_at, created_by_role, sealed, data_key, identity_index) "
                        + "values (?, 'declared', now(), 'counter-agent', ?, ?, ?)")) {
            insert.setObject(1, personId);
            insert.setString(2, sealed);
            insert.setString(3, wrappedUnderOld);
            insert.setString(4, "rotation-test-" + personId);
            insert.executeUpdate();
        }
        assertThat(MasterKeys.masterIdOf(wrappedUnderOld)).isEqualTo("m0");

        long rewrapped = VertxContextSupport.subscribeAndAwait(() -> rotation.rewrapAll());
        assertThat(rewrapped).isGreaterThanOrEqualTo(1);

        String now = dataKeyOf(personId);
        assertThat(MasterKeys.masterIdOf(now)).isEqualTo("m1");
        assertThat(PersonSecrets.open(sealed, DataProtection.masterKeys().unwrap(now), personId).familyName()).isEqualTo("Rotation");
        assertThat(VertxContextSupport.subscribeAndAwait(() -> rotation.count())).containsEntry("m0", 0L);
    }

    private String dataKeyOf(UUID personId) throws SQLException {
        try (Connection db = database.getConnection(); PreparedStatement q = db.prepareStatement("select data_key from person where id = ?")) {
            q.setObject(1, personId);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }
}
