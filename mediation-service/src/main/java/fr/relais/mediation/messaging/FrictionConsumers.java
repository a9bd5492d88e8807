package fr.relais.mediation.messaging;

import fr.relais.messaging.DeadLetters;
import fr.relais.events.CloudEventAttributes;
import fr.relais.events.Topics;
import fr.relais.events.channel.Touchpoint;
import fr.relais.events.journey.JourneyEvent;
import fr.relais.mediation.service.FrictionService;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Consumes channel.touchpoints, journey.events and appointment.events, one record at a time per
 * partition. A record is acknowledged only after its transaction committed (signals, score, case, outbox
 * and processed message together); unreadable records, and records that keep failing, go to
 * {@code <topic>.dlq} with the reason in a header, and the partition moves on.
 */
@ApplicationScoped
public class FrictionConsumers {

    @Inject
    FrictionService friction;

    @Inject
    DeadLetters deadLetters;

    @Incoming("touchpoints")
    public Uni<Void> touchpoint(Message<String> message) {
        return consume(Topics.CHANNEL_TOUCHPOINTS, message, (headers, attributes, key, value) -> {
            Touchpoint touchpoint = RecordReader.payload(attributes.type(), Touchpoint.class, key, value);
            return Optional.of(SignalMapper.fromTouchpoint(touchpoint, attributes));
        });
    }

    @Incoming("journey-events")
    public Uni<Void> journeyEvent(Message<String> message) {
        return consume(Topics.JOURNEY_EVENTS, message, (headers, attributes, key, value) -> {
            JourneyEvent event = RecordReader.payload(attributes.type(), JourneyEvent.class, key, value);
            return SignalMapper.fromJourneyEvent(event, attributes);
        });
    }

    @Incoming("appointment-events")
    public Uni<Void> appointmentEvent(Message<String> message) {
        return consume(Topics.APPOINTMENT_EVENTS, message, (headers, attributes, key, value) -> {
            if (!attributes.type().startsWith("relais.appointment.")) {
                throw new PoisonRecordException("type '" + RecordReader.abbreviate(attributes.type())
                        + "' is not an appointment event");
            }
            return Optional.of(SignalMapper.fromAppointment(attributes.type(), RecordReader.tree(attributes.type(), value),
                    key, attributes));
        });
    }

    @FunctionalInterface
    interface Mapping {
        Optional<Ingest> map(Map<String, String> headers, CloudEventAttributes attributes, String key, String value)
                throws PoisonRecordException;
    }

    private Uni<Void> consume(String topic, Message<String> message, Mapping mapping) {
        IncomingKafkaRecordMetadata<?, ?> origin = message.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
        String key = origin.getKey() == null ? null : origin.getKey().toString();
        Optional<Ingest> ingest;
        try {
            Map<String, String> headers = RecordReader.headers(origin);
            ingest = mapping.map(headers, RecordReader.attributes(headers), key, message.getPayload());
        } catch (PoisonRecordException e) {
            return deadLetters.park(topic, origin, message.getPayload(), e.getMessage())
                    .chain(() -> Uni.createFrom().completionStage(message.ack()));
        }
        if (ingest.isEmpty()) {
            return Uni.createFrom().completionStage(message.ack());
        }
        return friction.ingest(ingest.get())
                // transient failures (database restarting, lock timeouts) are retried before giving up
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(8)
                .replaceWithVoid()
                .onFailure().recoverWithUni(failure -> deadLetters.park(topic, origin, message.getPayload(),
                        "processing failed after retries: " + failure.getClass().getSimpleName()))
                .chain(() -> Uni.createFrom().completionStage(message.ack()));
    }
}
