package fr.relais.appointment.messaging;

import fr.relais.messaging.DeadLetters;
import com.fasterxml.jackson.core.JsonProcessingException;
import fr.relais.appointment.service.JourneyFacts;
import fr.relais.events.CloudEventHeaders;
import fr.relais.events.ContractJson;
import fr.relais.events.Topics;
import fr.relais.events.journey.JourneyAbandoned;
import fr.relais.events.journey.JourneyCancelled;
import fr.relais.events.journey.JourneyEvent;
import fr.relais.events.journey.JourneyStarted;
import fr.relais.events.journey.StepCompleted;
import fr.relais.events.Contracts;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads journey.events for the few facts bookings depend on: who owns a journey (JourneyStarted by a
 * citizen), steps done before their appointment (StepCompleted: that step's bookings still ahead are
 * released) and journeys that end without their appointments (cancelled, abandoned), whose live bookings
 * are cancelled. Other types are acknowledged and skipped. Records of those types that cannot be
 * read go to journey.events.dlq. Acknowledged only after the transaction committed.
 */
@ApplicationScoped
public class JourneyEventConsumer {

    public static final String NAME = "appointment-service.journey-events";
    private static final Set<Class<?>> WANTED = Set.of(JourneyStarted.class, StepCompleted.class, JourneyCancelled.class,
            JourneyAbandoned.class);

    @Inject
    JourneyFacts facts;

    @Inject
    DeadLetters deadLetters;

    @Incoming("journey-events")
    public Uni<Void> consume(Message<String> message) {
        IncomingKafkaRecordMetadata<?, ?> origin = message.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
        Map<String, String> headers = new HashMap<>();
        for (Header header : origin.getHeaders()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        String type = headers.get(CloudEventHeaders.TYPE);
        String id = headers.get(CloudEventHeaders.ID);
        Class<?> payloadClass = type == null ? null : Contracts.find(type).map(c -> c.payloadClass()).orElse(null);
        if (payloadClass != null && !WANTED.contains(payloadClass)) {
            return ack(message);
        }
        JourneyEvent event;
        try {
            if (type == null || id == null || id.isBlank()) {
                throw new IllegalArgumentException("missing header " + (type == null ? CloudEventHeaders.TYPE : CloudEventHeaders.ID));
            }
            if (payloadClass == null) {
                throw new IllegalArgumentException("unknown CloudEvents type '" + abbreviate(type) + "'");
            }
            event = (JourneyEvent) ContractJson.mapper().readValue(message.getPayload(), payloadClass);
            Object key = origin.getKey();
            if (key == null || !key.toString().equals(event.journeyId().toString())) {
                throw new IllegalArgumentException("record key does not match the event's journey id");
            }
        } catch (JsonProcessingException e) {
            return park(message, origin, "unreadable " + type + " payload: " + abbreviate(e.getOriginalMessage()));
        } catch (RuntimeException e) {
            return park(message, origin, abbreviate(String.valueOf(e.getMessage())));
        }
        return facts.apply(id, event)
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(8)
                .onFailure().recoverWithUni(failure -> deadLetters.park(Topics.JOURNEY_EVENTS, origin, message.getPayload(),
                        "processing failed after retries: " + failure.getClass().getSimpleName()))
                .chain(() -> ack(message));
    }

    private Uni<Void> park(Message<String> message, IncomingKafkaRecordMetadata<?, ?> origin, String reason) {
        return deadLetters.park(Topics.JOURNEY_EVENTS, origin, message.getPayload(), reason).chain(() -> ack(message));
    }

    private static Uni<Void> ack(Message<String> message) {
        return Uni.createFrom().completionStage(message.ack());
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
