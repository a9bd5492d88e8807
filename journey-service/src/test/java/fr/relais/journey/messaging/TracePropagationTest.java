package fr.relais.journey.messaging;

import fr.relais.events.CloudEventAttributes;
import fr.relais.events.CloudEventHeaders;
import fr.relais.events.journey.JourneyStarted;
import fr.relais.events.journey.StartJourney;
import fr.relais.journey.TestTopics;
import fr.relais.testsupport.TopicCollector;
import fr.relais.tracing.TraceParent;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One citizen action is one trace across the outbox: a command record carrying the gateway's traceparent is
 * decided, its events and outcome are written to the outbox in the decision's transaction, and the relay publishes
 * them later; every record it publishes carries a traceparent of the same trace. Real Kafka and PostgreSQL.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class TracePropagationTest {

    static CommandBus bus;

    @BeforeAll
    static void connect() {
        bus = new CommandBus();
    }

    @AfterAll
    static void disconnect() throws Exception {
        bus.close();
    }

    /** A fresh trace id per run, so a record of an earlier run can never satisfy the test. */
    static String newTraceId() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Test
    void theEventsAndOutcomeOfACommandStayInTheCommandsTrace() {
        String traceId = newTraceId();
        String gatewaySpan = "00f067aa0ba902b7";
        UUID journeyId = UUID.randomUUID();
        StartJourney start = new StartJourney(UUID.randomUUID(), journeyId, CommandBus.CAMILLE, Instant.now(), "cni-renouvellement");
        Map<String, String> headers = new HashMap<>(CloudEventAttributes.forPayload("channel-gateway", start, null, null).toKafkaHeaders());
        headers.put(TraceParent.HEADER, "00-" + traceId + "-" + gatewaySpan + "-01");
        bus.sendRaw(journeyId.toString(), headers, CommandBus.json(start));

        TopicCollector.Received started = await().atMost(Duration.ofSeconds(20))
                .until(() -> bus.eventsOf(journeyId), list -> !list.isEmpty()).get(0);
        assertThat(started.header(CloudEventHeaders.TYPE)).isEqualTo(CommandBus.typeOf(JourneyStarted.class));
        String published = started.header(TraceParent.HEADER);
        assertThat(published).as("the journey event's traceparent").isNotNull();
        assertThat(TraceParent.traceId(published)).isEqualTo(traceId);
        assertThat(published).doesNotContain(gatewaySpan); // a span of journey-service, under the gateway's

        List<TopicCollector.Received> outcomes = await().atMost(Duration.ofSeconds(20))
                .until(() -> bus.outcomes.forKey(journeyId.toString()), list -> !list.isEmpty());
        assertThat(TraceParent.traceId(outcomes.get(0).header(TraceParent.HEADER))).isEqualTo(traceId);
    }

    @Test
    void aCommandWithoutTraceStillPublishesATraceparent() {
        UUID journeyId = UUID.randomUUID();
        bus.send(new StartJourney(UUID.randomUUID(), journeyId, CommandBus.CAMILLE, Instant.now(), "cni-renouvellement"));

        TopicCollector.Received started = await().atMost(Duration.ofSeconds(20))
                .until(() -> bus.eventsOf(journeyId), list -> !list.isEmpty()).get(0);
        assertThat(TraceParent.traceId(started.header(TraceParent.HEADER))).isNotNull();
    }
}
