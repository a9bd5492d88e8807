package fr.relais.journey.privacy;

import fr.relais.events.journey.Cancel;
import fr.relais.events.journey.StartJourney;
import fr.relais.journey.TestTopics;
import fr.relais.journey.messaging.CommandBus;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention with a moved clock, against the real PostgreSQL and Kafka: Camille cancels a housing-aid request she had
 * answered; five months later (aide-logement v1 keeps an abandoned or cancelled journey six months) nothing is swept,
 * seven months later its key is destroyed and its answers deleted, and its events are still there.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class RetentionSweepTest {

    static CommandBus bus;

    @Inject
    DataSource database;

    @Inject
    RetentionSweep sweep;

    @BeforeAll
    static void connect() {
        bus = new CommandBus();
    }

    @AfterAll
    static void disconnect() throws Exception {
        bus.close();
    }

    @Test
    void aCancelledJourneyLosesItsAnswersSixMonthsAfterItEnded() throws Throwable {
        UUID journey = UUID.randomUUID();
        accepted(new StartJourney(UUID.randomUUID(), journey, CommandBus.CAMILLE, Instant.now(), "aide-logement", null));
        accepted(CommandBus.submitStep(UUID.randomUUID(), journey, CommandBus.CAMILLE, "situation", Map.of("nom", "Martin",
                "prenoms", "Camille", "date-naissance", "1984-03-12", "situation-familiale", "celibataire",
                "personnes-a-charge", "1", "activite", "salarie")));
        accepted(new Cancel(UUID.randomUUID(), journey, CommandBus.CAMILLE, Instant.now(), "citizen-choice"));
        assertThat(count("select count(*) from journey_answer where journey_id = ?", journey)).isEqualTo(6);

        Instant now = Instant.now();
        VertxContextSupport.subscribeAndAwait(() -> sweep.sweep(now.atZone(ZoneOffset.UTC).plusMonths(5).toInstant()));
        assertThat(count("select count(*) from journey where id = ? and erased_at is null and data_key is not null", journey)).isEqualTo(1);
        assertThat(count("select count(*) from journey_answer where journey_id = ?", journey)).isEqualTo(6);

        RetentionSweep.Swept swept = VertxContextSupport.subscribeAndAwait(
                () -> sweep.sweep(now.atZone(ZoneOffset.UTC).plusMonths(7).toInstant()));
        assertThat(swept.journeys()).isGreaterThanOrEqualTo(1);
        assertThat(count("select count(*) from journey where id = ? and erased_reason = 'retention' and data_key is null", journey)).isEqualTo(1);
        assertThat(count("select count(*) from journey_answer where journey_id = ?", journey)).isZero();
        assertThat(count("select count(*) from journey_check_value where journey_id = ?", journey)).isZero();
        assertThat(count("select count(*) from journey_event where journey_id = ?", journey)).as("its events stay").isEqualTo(3);
    }

    private static void accepted(fr.relais.events.journey.JourneyCommand command) {
        bus.send(command);
        assertThat(bus.outcomeOf(command.commandId()).path("status").asText()).isEqualTo("ACCEPTED");
    }

    private long count(String sql, UUID journey) throws SQLException {
        try (Connection db = database.getConnection(); PreparedStatement q = db.prepareStatement(sql)) {
            q.setObject(1, journey);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
