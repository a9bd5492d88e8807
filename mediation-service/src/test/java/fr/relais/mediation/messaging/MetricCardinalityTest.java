package fr.relais.mediation.messaging;

import fr.relais.events.Topics;
import fr.relais.events.channel.Channel;
import fr.relais.events.channel.Touchpoint;
import fr.relais.events.channel.TouchpointKind;
import fr.relais.events.journey.Actor;
import fr.relais.events.journey.JourneyStarted;
import fr.relais.events.journey.StepCompleted;
import fr.relais.events.mediation.MediationCaseOpened;
import fr.relais.mediation.Bus;
import fr.relais.mediation.Db;
import fr.relais.mediation.TestTopics;
import fr.relais.mediation.domain.FrictionPolicy;
import fr.relais.mediation.service.MetricLabels;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static fr.relais.testsupport.ServiceEndpointsContract.management;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Abuse: 1,000 touchpoints with made-up step ids and sites (and journeys started on made-up procedures with
 * made-up steps) through the real Kafka. Every relais_* meter keeps its series within the closed lists: made-up
 * ids are counted as 'other', none of them reaches /q/metrics, and the number of series barely moves.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class MetricCardinalityTest {

    private static final int TOUCHPOINTS = 1_000;
    private static final int STARTED_ON_MADE_UP_PROCEDURES = 10;
    private static final List<TouchpointKind> SMALL_KINDS =
            List.of(TouchpointKind.VALIDATION_ERROR, TouchpointKind.STEP_VIEWED, TouchpointKind.STEP_IDLE);

    static Bus bus;

    @Inject
    MeterRegistry registry;

    @Inject
    MetricLabels labels;

    @Inject
    FrictionPolicy policy;

    @BeforeAll
    static void connect() {
        bus = new Bus();
    }

    @AfterAll
    static void disconnect() throws Exception {
        bus.close();
    }

    @Test
    void madeUpStepIdsProceduresAndSitesCreateNoNewSeries() {
        // every made-up value carries this run's marker, so /q/metrics can be searched for any of them
        String marker = "zq" + Long.toHexString(new Random().nextLong() & 0xffffffffL);
        Random random = new Random();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Map<String, Set<List<Tag>>> before = series();
        double signalsBefore = signalsCounted();
        double controlBefore = controlCount();

        // a positive control: a real procedure and step keep their own labels
        UUID real = UUID.randomUUID();
        bus.send(Topics.JOURNEY_EVENTS, new JourneyStarted(real, 1, at, citizen(), "cni-renouvellement", 2, "identite"));
        await().atMost(Duration.ofSeconds(20)).until(() -> Db.count(
                "select count(*) from journey_context where journey_id = ? and procedure_id is not null", real) == 1);
        bus.touch(new Touchpoint(UUID.randomUUID(), real, TouchpointKind.VALIDATION_ERROR, "formulaire", Channel.PORTAL,
                null, 1, at));

        // journeys started on made-up procedures, a made-up step completed, then "I need help": a case opens
        List<UUID> withCases = new ArrayList<>();
        for (int i = 0; i < STARTED_ON_MADE_UP_PROCEDURES; i++) {
            UUID journeyId = UUID.randomUUID();
            withCases.add(journeyId);
            bus.send(Topics.JOURNEY_EVENTS, new JourneyStarted(journeyId, 1, at, citizen(), marker + "-proc-" + i, 1,
                    marker + "-first-" + i));
            bus.send(Topics.JOURNEY_EVENTS, new StepCompleted(journeyId, 2, at.plusMillis(1), citizen(),
                    marker + "-done-" + i, marker + "-next-" + i, List.of()));
            bus.touch(new Touchpoint(UUID.randomUUID(), journeyId, TouchpointKind.HELP_REQUESTED, marker + "-help-" + i,
                    Channel.DESK, marker + "-site-" + i, 1, at.plusMillis(2)));
        }
        // the rest: three small signals per journey (below the threshold), each with its own step and site
        for (int sent = STARTED_ON_MADE_UP_PROCEDURES; sent < TOUCHPOINTS; sent += 3) {
            UUID journeyId = UUID.randomUUID();
            for (int i = 0; i < 3 && sent + i < TOUCHPOINTS; i++) {
                bus.touch(new Touchpoint(UUID.randomUUID(), journeyId, SMALL_KINDS.get(random.nextInt(SMALL_KINDS.size())),
                        marker + "-step-" + UUID.randomUUID(), Channel.PORTAL, marker + "-site-" + UUID.randomUUID(), 1,
                        at.plusMillis(i)));
            }
        }

        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).until(() -> Db.count(
                "select count(*) from signal where site like ?", marker + "-site-%") == TOUCHPOINTS);
        await().atMost(Duration.ofSeconds(30)).until(() -> withCases.stream()
                .allMatch(journeyId -> bus.mediationOf(journeyId, MediationCaseOpened.class).size() == 1));
        // the metrics are counted after each commit: wait for them too (the 10 completed steps are signals as well)
        await().atMost(Duration.ofSeconds(20)).until(() -> controlCount() == controlBefore + 1
                && signalsCounted() >= signalsBefore + TOUCHPOINTS + STARTED_ON_MADE_UP_PROCEDURES + 1);

        // nothing made-up reaches the Prometheus page, under any meter
        String metrics = management().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).doesNotContain(marker);
        assertThat(metrics).contains("procedure=\"cni-renouvellement\"").contains("step=\"formulaire\"");

        // every label of every relais_* series is from its closed list, and the abuse added a handful of series at most
        Map<String, Set<List<Tag>>> after = series();
        Set<String> pools = new TreeSet<>(policy.routing().sitePools().values());
        pools.add(policy.routing().defaultPool());
        for (Map.Entry<String, Set<List<Tag>>> meter : after.entrySet()) {
            for (List<Tag> tags : meter.getValue()) {
                for (Tag tag : tags) {
                    switch (tag.getKey()) {
                        case "procedure" -> assertThat(labels.procedureValues()).as(meter.getKey()).contains(tag.getValue());
                        case "step" -> assertThat(labels.stepValues()).as(meter.getKey()).contains(tag.getValue());
                        case "pool" -> assertThat(pools).as(meter.getKey()).contains(tag.getValue());
                        default -> assertThat(tag.getValue()).as(meter.getKey() + " " + tag.getKey()).doesNotContain(marker);
                    }
                }
            }
            Set<List<Tag>> added = new HashSet<>(meter.getValue());
            added.removeAll(before.getOrDefault(meter.getKey(), Set.of()));
            // at most: 5 signal kinds x (other | unknown) procedure x 'other' step, the control, the opened cases' tags
            assertThat(added).as("series added to " + meter.getKey()).hasSizeLessThanOrEqualTo(16);
        }
        assertThat(after.get("relais_mediation_signals_total")).anySatisfy(tags ->
                assertThat(tags).contains(Tag.of("procedure", MetricLabels.OTHER), Tag.of("step", MetricLabels.OTHER)));
    }

    private double signalsCounted() {
        return registry.find("relais_mediation_signals_total").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private double controlCount() {
        var counter = registry.find("relais_mediation_signals_total")
                .tags("kind", "validation-error", "procedure", "cni-renouvellement", "step", "formulaire").counter();
        return counter == null ? 0 : counter.count();
    }

    private static Actor citizen() {
        return new Actor("c1", Set.of("citizen"), null, Channel.PORTAL);
    }

    /** The distinct tag sets of every relais_* meter, by meter name. */
    private Map<String, Set<List<Tag>>> series() {
        Map<String, Set<List<Tag>>> series = new HashMap<>();
        for (Meter meter : registry.getMeters()) {
            String name = meter.getId().getName();
            if (name.startsWith("relais_")) {
                series.computeIfAbsent(name, key -> new HashSet<>()).add(meter.getId().getTags());
            }
        }
        return series;
    }
}
