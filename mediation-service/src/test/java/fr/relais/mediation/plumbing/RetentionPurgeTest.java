package fr.relais.mediation.plumbing;

import fr.relais.mediation.Db;
import fr.relais.mediation.TestTopics;
import fr.relais.messaging.retention.PurgeTarget;
import fr.relais.messaging.retention.RetentionPurge;
import fr.relais.testsupport.Stack;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The retention purge deletes published outbox rows and processed message ids once older than their retention
 * (7 and 14 days by default), and keeps recent ones and outbox rows not yet published, however old.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class RetentionPurgeTest {

    private static final Instant NOW = Instant.now();
    private static final Timestamp EIGHT_DAYS_AGO = Timestamp.from(NOW.minus(Duration.ofDays(8)));
    private static final Timestamp FIFTEEN_DAYS_AGO = Timestamp.from(NOW.minus(Duration.ofDays(15)));
    private static final Timestamp TWO_DAYS_AGO = Timestamp.from(NOW.minus(Duration.ofDays(2)));
    private static final Timestamp TEN_DAYS_AGO = Timestamp.from(NOW.minus(Duration.ofDays(10)));

    @Inject
    RetentionPurge purge;

    @Inject
    MeterRegistry registry;

    @Test
    void theOutboxAndProcessedMessagesAreThePurgedTables() {
        assertThat(purge.targets()).extracting(PurgeTarget::table).containsExactly("outbox", "processed_message");
        assertThat(purge.targets()).extracting(PurgeTarget::retention).containsExactly(Duration.ofDays(7), Duration.ofDays(14));
        assertThat(purged("outbox")).as("the counter exists before anything is purged").isNotNaN();
    }

    @Test
    void oldPublishedRowsAndOldIdsGoRecentOnesAndUnpublishedRowsStay() throws Exception {
        String consumer = "retention-test-" + UUID.randomUUID();
        double outboxBefore = purged("outbox");
        double idsBefore = purged("processed_message");
        // the test holds the outbox relay's lock, so the old unpublished row stays unpublished while the purge runs
        try (Connection relayLock = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + Stack.postgresPort() + "/mediation_test", "mediation", "mediation");
             Statement statement = relayLock.createStatement()) {
            statement.execute("select pg_advisory_lock(hashtext('mediation-service.outbox'))");
            UUID oldPublished = outboxRow(EIGHT_DAYS_AGO, EIGHT_DAYS_AGO);
            UUID recentPublished = outboxRow(TEN_DAYS_AGO, TWO_DAYS_AGO); // published late: its age counts from then
            UUID oldUnpublished = outboxRow(TEN_DAYS_AGO, null);
            try {
                Db.update("insert into processed_message (consumer, message_id, processed_at) values (?, 'old', ?), (?, 'recent', ?)",
                        consumer, FIFTEEN_DAYS_AGO, consumer, Timestamp.from(NOW.minus(Duration.ofDays(10))));

                // a scheduled run may be purging at the same moment: either run deletes them
                await().atMost(Duration.ofSeconds(30)).until(() -> {
                    purge.purgeAll().await().atMost(Duration.ofSeconds(20));
                    return outbox(oldPublished) == 0 && Db.count("select count(*) from processed_message where consumer = ? and message_id = 'old'", consumer) == 0;
                });
                assertThat(outbox(recentPublished)).as("published 2 days ago").isEqualTo(1);
                assertThat(outbox(oldUnpublished)).as("never published").isEqualTo(1);
                assertThat(Db.count("select count(*) from processed_message where consumer = ? and message_id = 'recent'", consumer))
                        .as("processed 10 days ago").isEqualTo(1);
                assertThat(purged("outbox") - outboxBefore).isGreaterThanOrEqualTo(1);
                assertThat(purged("processed_message") - idsBefore).isGreaterThanOrEqualTo(1);
            } finally {
                Db.update("delete from outbox where id in (?, ?)", recentPublished, oldUnpublished);
                Db.update("delete from processed_message where consumer = ?", consumer);
                statement.execute("select pg_advisory_unlock(hashtext('mediation-service.outbox'))");
            }
        }
    }

    private static UUID outboxRow(Timestamp createdAt, Timestamp publishedAt) {
        UUID id = UUID.randomUUID();
        Db.update("insert into outbox (id, topic, record_key, ce_type, payload, created_at, published_at)"
                        + " values (?, 'retention.test', 'k', 'fr.relais.test', cast('{}' as jsonb), ?, ?)",
                id, createdAt, publishedAt);
        return id;
    }

    private static long outbox(UUID id) {
        return Db.count("select count(*) from outbox where id = ?", id);
    }

    private double purged(String table) {
        return registry.find(RetentionPurge.PURGED).tag("table", table).counter().count();
    }
}
