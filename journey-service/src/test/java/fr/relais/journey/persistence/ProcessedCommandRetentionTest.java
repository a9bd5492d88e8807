package fr.relais.journey.persistence;

import fr.relais.journey.TestTopics;
import fr.relais.messaging.retention.PurgeTarget;
import fr.relais.messaging.retention.RetentionPurge;
import fr.relais.testsupport.JdbcDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * journey-service adds processed_command to messaging-support's retention purge: a decided command is forgotten
 * after 14 days (well past any redelivery and the gateway's 15 minutes), a recent one is still answered.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class ProcessedCommandRetentionTest {

    private static final JdbcDatabase DB = new JdbcDatabase("journey_test", "journey");

    @Inject
    RetentionPurge purge;

    @Inject
    MeterRegistry registry;

    @Test
    void processedCommandIsAPurgedTableWithTwoWeeksOfRetention() {
        assertThat(purge.targets()).extracting(PurgeTarget::table).containsExactly("outbox", "processed_command", "processed_message");
        assertThat(purge.targets()).filteredOn(target -> target.table().equals("processed_command"))
                .extracting(PurgeTarget::retention).containsExactly(Duration.ofDays(14));
    }

    @Test
    void commandsDecidedMoreThanTwoWeeksAgoGoRecentOnesStay() {
        double before = registry.find(RetentionPurge.PURGED).tag("table", "processed_command").counter().count();
        UUID old = command(Instant.now().minus(Duration.ofDays(15)));
        UUID recent = command(Instant.now().minus(Duration.ofDays(13)));
        try {
            // a scheduled run may be purging at the same moment: either run deletes it
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                purge.purgeAll().await().atMost(Duration.ofSeconds(20));
                return DB.count("select count(*) from processed_command where command_id = ?", old) == 0;
            });
            assertThat(DB.count("select count(*) from processed_command where command_id = ?", recent)).isEqualTo(1);
            assertThat(registry.find(RetentionPurge.PURGED).tag("table", "processed_command").counter().count() - before)
                    .isGreaterThanOrEqualTo(1);
        } finally {
            DB.update("delete from processed_command where command_id = ?", recent);
        }
    }

    private static UUID command(Instant processedAt) {
        UUID id = UUID.randomUUID();
        DB.update("insert into processed_command (command_id, journey_id, outcome, processed_at) values (?, ?, cast('{}' as jsonb), ?)",
                id, UUID.randomUUID(), Timestamp.from(processedAt));
        return id;
    }
}
