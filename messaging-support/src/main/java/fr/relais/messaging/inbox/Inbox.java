package fr.relais.messaging.inbox;

import fr.relais.messaging.DeadLetters;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The tail every consumer shares, so an {@code @Incoming} method holds only its mapping and its effect:
 * the mapping reads the record and names the effect (or none: the record is not for this consumer); the effect
 * runs with retries and backoff (transient failures: a database restarting, a lock timeout); a record that cannot
 * be read, or whose effect keeps failing, is parked on {@code <topic>.dlq} with the reason; and the record is
 * acknowledged only then, after the effect's transaction committed or the record was parked.
 */
@Singleton
public class Inbox {

    /** What the mapping found for the effect to do; it runs again on each retry. */
    @FunctionalInterface
    public interface Effect extends Supplier<Uni<?>> {
    }

    /** Reads a record into its effect; empty when the record does not concern this consumer. */
    @FunctionalInterface
    public interface Mapping {
        Optional<Effect> map(InboundRecord record) throws PoisonRecordException;
    }

    /** Where an unprocessable record goes ({@link DeadLetters#park} in the services). */
    @FunctionalInterface
    interface Parking {
        Uni<Void> park(String logicalTopic, IncomingKafkaRecordMetadata<?, ?> origin, String value, String reason);
    }

    /**
     * How often, and how patiently, a failing effect is tried again before its record is parked; and the largest
     * record value read at all (a command carries at most the gateway's 64 KiB body, sealed; the broker accepts 1 MiB).
     */
    record Limits(Duration firstBackoff, Duration maxBackoff, int attempts, int maxRecordBytes) {
        static final Limits DEFAULT = new Limits(Duration.ofMillis(200), Duration.ofSeconds(5), 8, 256 * 1024);
    }

    private final Parking parking;
    private final Limits limits;

    @Inject
    Inbox(DeadLetters deadLetters) {
        this(deadLetters::park, Limits.DEFAULT);
    }

    Inbox(Parking parking, Limits limits) {
        this.parking = parking;
        this.limits = limits;
    }

    /** A mapping's answer when the record concerns its consumer: run this effect. */
    public static Optional<Effect> effect(Effect effect) {
        return Optional.of(effect);
    }

    /**
     * Consumes one record of {@code logicalTopic} (a name of fr.relais.events.Topics: its DLQ is {@code <topic>.dlq}).
     * Never fails: every path ends with the record acknowledged, after its effect or its parking.
     */
    public Uni<Void> consume(String logicalTopic, Message<String> message, Mapping mapping) {
        InboundRecord record = InboundRecord.of(message);
        Optional<Effect> effect;
        try {
            record.admit(logicalTopic, limits.maxRecordBytes());
            effect = mapping.map(record);
        } catch (PoisonRecordException e) {
            return park(logicalTopic, record, e.getMessage()).chain(() -> ack(message));
        } catch (RuntimeException e) {
            // a mapping bug must not stop the partition (the channels fail on an exception); its message may echo values
            return park(logicalTopic, record, "unmappable record: " + e.getClass().getSimpleName()).chain(() -> ack(message));
        }
        if (effect.isEmpty()) {
            return ack(message);
        }
        // while the database is down the record waits (and its partition with it) however long that takes: parking it
        // would make an outage look like poison; any other failure is tried a few times, then parked with its reason
        return Uni.createFrom().deferred(effect.get())
                .onFailure(Unavailable::test).retry().withBackOff(limits.firstBackoff(), limits.maxBackoff()).indefinitely()
                .onFailure().retry().withBackOff(limits.firstBackoff(), limits.maxBackoff()).atMost(limits.attempts())
                .replaceWithVoid()
                .onFailure().recoverWithUni(failure -> park(logicalTopic, record,
                        "processing failed after retries: " + failure.getClass().getSimpleName()))
                .chain(() -> ack(message));
    }

    private Uni<Void> park(String logicalTopic, InboundRecord record, String reason) {
        return parking.park(logicalTopic, record.origin(), record.value(), reason);
    }

    private static Uni<Void> ack(Message<String> message) {
        return Uni.createFrom().completionStage(message.ack());
    }
}
