package fr.relais.journey.messaging;

import fr.relais.events.CloudEventHeaders;
import fr.relais.events.channel.Channel;
import fr.relais.events.journey.Actor;
import fr.relais.events.journey.JourneyStarted;
import fr.relais.journey.TestTopics;
import fr.relais.testsupport.TopicCollector;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service that stopped after committing but before publishing leaves rows in the outbox. This writes
 * such rows straight into the database (what the crashed process left behind) and checks the relay of
 * the running service publishes them, in order, with their ids, and marks them.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class OutboxRecoveryTest {

    static CommandBus bus;

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void connect() {
        bus = new CommandBus();
    }

    @AfterAll
    static void disconnect() throws Exception {
        bus.close();
    }

    @Test
    void rowsLeftUnpublishedArePublishedInOrderAndMarked() throws Exception {
        UUID journeyId = UUID.randomUUID();
        Actor actor = new Actor("00000000-0000-4000-8000-000000000001", Set.of("citizen"), null, Channel.PORTAL);
        List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("insert into outbox (id, topic, record_key, ce_type, ce_subject,"
                     + " correlation_id, payload, created_at) values (?, 'journey.events', ?, ?, ?, ?, cast(? as jsonb), now())")) {
            long sequence = 1;
            for (UUID id : ids) {
                JourneyStarted event = new JourneyStarted(journeyId, sequence++, Instant.now(), actor, "cni-renouvellement", 1, "identite");
                insert.setObject(1, id);
                insert.setString(2, journeyId.toString());
                insert.setString(3, CommandBus.typeOf(JourneyStarted.class));
                insert.setString(4, journeyId.toString());
                insert.setString(5, id.toString());
                insert.setString(6, CommandBus.json(event));
                insert.addBatch();
            }
            insert.executeBatch();
        }

        List<TopicCollector.Received> published = await().atMost(Duration.ofSeconds(20))
                .until(() -> bus.eventsOf(journeyId), list -> list.size() == ids.size());
        assertThat(published).extracting(r -> r.header(CloudEventHeaders.ID)).containsExactlyElementsOf(ids.stream().map(UUID::toString).toList());
        await().atMost(Duration.ofSeconds(10)).until(() -> unpublished(ids) == 0);
    }

    private long unpublished(List<UUID> ids) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("select count(*) from outbox where published_at is null and id = any(?)")) {
            query.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
