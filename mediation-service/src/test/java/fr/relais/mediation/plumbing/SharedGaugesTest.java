package fr.relais.mediation.plumbing;

import fr.relais.mediation.Db;
import fr.relais.mediation.TestTopics;
import fr.relais.messaging.metrics.SharedGauge;
import fr.relais.messaging.metrics.SharedGauges;
import fr.relais.messaging.metrics.TableSizes;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A gauge of shared state is in the registry only while this instance holds the metrics lease, and comes back with
 * a fresh measurement once it holds it again; the table sizes are such gauges.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class SharedGaugesTest {

    private static final String NAME = "relais_test_shared_state";
    private static final Duration WAIT = Duration.ofSeconds(45); // beyond the lease's expiry, in case a former run left it

    @Inject
    SharedGauges gauges;

    @Inject
    MeterRegistry registry;

    @Test
    void aSharedGaugeIsReportedByTheLeaseHolderOnlyAndRemovedWhenItLosesTheLease() {
        await().atMost(WAIT).until(gauges::reporting);
        SharedGauge gauge = gauges.gauge(NAME, "a test's shared state", Tags.of("kind", "test"));
        gauge.set(7);
        assertThat(value()).isEqualTo(7.0);
        assertThat(Db.query("select holder from relais_lease where name = 'metrics'").get(0).get("holder")).isEqualTo(gauges.holder());

        try {
            // another instance holds the lease (this one missed its renewals): this one stops reporting
            Db.update("update relais_lease set holder = 'another-instance', expires_at = now() + interval '1 hour' where name = 'metrics'");
            await().atMost(Duration.ofSeconds(10)).until(() -> !gauges.reporting());
            assertThat(registry.find(NAME).gauge()).isNull();
            assertThat(registry.find("relais_outbox_backlog").gauge()).as("the outbox backlog is shared state too").isNull();
            gauge.set(8); // a refresh that ran before the loss was noticed shows nothing
            assertThat(registry.find(NAME).gauge()).isNull();
        } finally {
            // the other instance is gone: its lease row with it
            Db.update("delete from relais_lease where name = 'metrics' and holder = 'another-instance'");
        }

        await().atMost(Duration.ofSeconds(10)).until(gauges::reporting);
        assertThat(registry.find(NAME).gauge()).as("no value measured before the lease came back").isNull();
        gauge.set(9);
        assertThat(value()).isEqualTo(9.0);
        await().atMost(Duration.ofSeconds(10)).until(() -> registry.find("relais_outbox_backlog").gauge() != null);
    }

    @Test
    void theHolderReportsTheSizeAndRowsOfEveryTableByName() {
        await().atMost(WAIT).until(() -> registry.find(TableSizes.SIZE).tag("table", "mediation_case").gauge() != null
                && registry.find(TableSizes.ROWS).tag("table", "processed_message").gauge() != null
                && registry.find(TableSizes.SIZE).tag("table", "relais_lease").gauge() != null);
        assertThat(registry.find(TableSizes.SIZE).tag("table", "mediation_case").gauge().value()).isPositive();
        assertThat(registry.find(TableSizes.SIZE).gauges()).allSatisfy(g ->
                assertThat(g.getId().getTags()).extracting(t -> t.getKey()).containsExactly("table"));
    }

    private double value() {
        Gauge found = registry.find(NAME).tag("kind", "test").gauge();
        assertThat(found).as(NAME + " in the registry").isNotNull();
        return found.value();
    }
}
