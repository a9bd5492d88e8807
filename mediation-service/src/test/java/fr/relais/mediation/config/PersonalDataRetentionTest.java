package fr.relais.mediation.config;

import fr.relais.mediation.TestTopics;
import fr.relais.messaging.retention.PersonalDataSweep;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention with a moved clock, against the real PostgreSQL: a journey's context keeps its owner's account id a year after it ended (relais.retention.journey-owner). Eleven months on, the sweep at
 * the service's clock leaves it; moved two months further, it goes (only rows that old: other tests' rows stay).
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class PersonalDataRetentionTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Inject
    PersonalDataSweep sweep;

    @Test
    void theLinkToTheCitizenGoesOncePastItsPeriod() {
        UUID id = UUID.randomUUID();
        String subject = "retention-test-" + id;
        OffsetDateTime now = Instant.now().atOffset(ZoneOffset.UTC);
        pool.preparedQuery("insert into journey_context (journey_id, owner_subject, ended_at) values ($1, $2, $3)").execute(Tuple.of(id, subject, now.minusMonths(11))).await().atMost(WAIT);

        sweep.sweep(now.toInstant()).await().atMost(WAIT);
        assertThat(linked(id)).as("within its period").isTrue();

        sweep.sweep(now.plusMonths(2).toInstant()).await().atMost(WAIT);
        assertThat(linked(id)).as("past its period").isFalse();
    }

    private boolean linked(UUID id) {
        return pool.preparedQuery("select count(*) from journey_context where journey_id = $1 and owner_subject is not null").execute(Tuple.of(id)).await().atMost(WAIT).iterator().next().getLong(0) > 0;
    }
}
