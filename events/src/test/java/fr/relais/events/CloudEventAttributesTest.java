package fr.relais.events;

import fr.relais.events.journey.StepCompleted;
import fr.relais.events.journey.SubmitStep;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CloudEventAttributesTest {

    @Test
    void createGivesAFreshUuidTheCurrentTimeAndStartsAChain() {
        Instant before = Instant.now();
        CloudEventAttributes a = CloudEventAttributes.create("channel-gateway", "relais.journey.command.go-back.v1",
                null, null, null);
        assertDoesNotThrow(() -> UUID.fromString(a.id()));
        assertTrue(!a.time().isBefore(before) && Duration.between(a.time(), Instant.now()).toSeconds() < 5);
        assertEquals(a.id(), a.correlationId(), "a new chain correlates with its first record");
        assertNull(a.causationId());
        assertNotEquals(a.id(), CloudEventAttributes.create("s", "t", null, null, null).id());
    }

    @Test
    void forPayloadTakesTypeFromTheRegistryAndTheJourneyAsSubject() {
        Object command = Samples.of(SubmitStep.class);
        CloudEventAttributes a = CloudEventAttributes.forPayload("channel-gateway", (JourneyScoped) command, "corr-1", null);
        assertEquals("relais.journey.command.submit-step.v1", a.type());
        assertEquals(Samples.JOURNEY.toString(), a.subject());
        assertEquals("corr-1", a.correlationId());
    }

    @Test
    void causedByKeepsTheCorrelationAndPointsAtTheCause() {
        CloudEventAttributes command = CloudEventAttributes.forPayload("channel-gateway",
                (JourneyScoped) Samples.of(SubmitStep.class), null, null);
        CloudEventAttributes event = CloudEventAttributes.causedBy("journey-service",
                (JourneyScoped) Samples.of(StepCompleted.class), command);
        assertEquals(command.correlationId(), event.correlationId());
        assertEquals(command.id(), event.causationId());
        assertEquals("relais.journey.step-completed.v1", event.type());
    }

    @Test
    void kafkaHeadersRoundTripInBinaryMode() {
        CloudEventAttributes a = new CloudEventAttributes("id-1", "journey-service", "relais.journey.went-back.v1",
                Samples.JOURNEY.toString(), Samples.AT, "corr-1", "cause-1");
        Map<String, String> headers = a.toKafkaHeaders();
        assertEquals("1.0", headers.get("ce_specversion"));
        assertEquals("2026-03-12T09:15:30.125Z", headers.get("ce_time"));
        assertEquals("corr-1", headers.get("ce_correlationid"));
        assertEquals("cause-1", headers.get("ce_causationid"));
        assertEquals("application/json", headers.get("content-type"));
        assertEquals(a, CloudEventAttributes.fromKafkaHeaders(headers));
    }

    @Test
    void headersWithAnOffsetTimeOrMissingAttributesAreHandled() {
        Map<String, String> headers = new HashMap<>(new CloudEventAttributes("id-1", "s", "t", null, Samples.AT,
                null, null).toKafkaHeaders());
        headers.put(CloudEventHeaders.TIME, "2026-03-12T10:15:30.125+01:00");
        assertEquals(Samples.AT, CloudEventAttributes.fromKafkaHeaders(headers).time());

        headers.remove(CloudEventHeaders.TYPE);
        assertThrows(IllegalArgumentException.class, () -> CloudEventAttributes.fromKafkaHeaders(headers));
        headers.put(CloudEventHeaders.TYPE, "t");
        headers.put(CloudEventHeaders.TIME, "yesterday");
        assertThrows(IllegalArgumentException.class, () -> CloudEventAttributes.fromKafkaHeaders(headers));
    }

    @Test
    void headerNamesFollowTheKafkaBinding() {
        assertEquals("ce_correlationid", CloudEventHeaders.CORRELATION_ID);
        assertEquals("ce_causationid", CloudEventHeaders.CAUSATION_ID);
        assertEquals("relais-dlq-reason", CloudEventHeaders.DLQ_REASON_HEADER);
    }
}
