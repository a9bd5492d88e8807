package fr.relais.appointment.messaging;

import fr.relais.appointment.service.JourneyFacts;
import fr.relais.events.Topics;
import fr.relais.events.journey.CallerVerified;
import fr.relais.events.journey.HandoffRequested;
import fr.relais.events.journey.JourneyAbandoned;
import fr.relais.events.journey.JourneyCancelled;
import fr.relais.events.journey.JourneyClaimed;
import fr.relais.events.journey.JourneyCompleted;
import fr.relais.events.journey.JourneyEvent;
import fr.relais.events.journey.JourneyReleased;
import fr.relais.events.journey.JourneyStarted;
import fr.relais.events.journey.MandateGranted;
import fr.relais.events.journey.MandateRevoked;
import fr.relais.events.journey.PresenceRecorded;
import fr.relais.events.journey.StepCompleted;
import fr.relais.messaging.DeadLetters;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Duration;
import java.util.Set;

/**
 * Reads journey.events for the facts bookings depend on: who owns a journey and its procedure (JourneyStarted),
 * what gives staff a reason to act on it (claims, releases, handoffs, presence, verified calls, mandates, its end),
 * steps done before their appointment (StepCompleted: that step's bookings still ahead are released) and journeys
 * that end without their appointments (cancelled, abandoned), whose live bookings are cancelled. Other types are
 * acknowledged and skipped. Records of those types that cannot be read go to journey.events.dlq. Acknowledged only
 * after the transaction committed.
 */
@ApplicationScoped
public class JourneyEventConsumer {

    public static final String NAME = "appointment-service.journey-events";
    private static final Set<Class<?>> WANTED = Set.of(JourneyStarted.class, StepCompleted.class, JourneyCancelled.class,
            JourneyAbandoned.class, JourneyCompleted.class, JourneyClaimed.class, JourneyReleased.class,
            HandoffRequested.class, PresenceRecorded.class, CallerVerified.class, MandateGranted.class, MandateRevoked.class);

    @Inject
    JourneyFacts facts;

    @Inject
    DeadLetters deadLetters;

    @Incoming("journey-events")
    public Uni<Void> consume(Message<String> message) {
        IncomingKafkaRecordMetadata<?, ?> origin = message.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
        ContractRecord record = ContractRecord.of(message.getPayload(), origin, WANTED);
        if (record instanceof ContractRecord.Skipped) {
            return ack(message);
        }
        if (record instanceof ContractRecord.Poison poison) {
            return deadLetters.park(Topics.JOURNEY_EVENTS, origin, message.getPayload(), poison.reason()).chain(() -> ack(message));
        }
        ContractRecord.Read read = (ContractRecord.Read) record;
        return facts.apply(read.id(), (JourneyEvent) read.payload())
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(8)
                .onFailure().recoverWithUni(failure -> deadLetters.park(Topics.JOURNEY_EVENTS, origin, message.getPayload(),
                        "processing failed after retries: " + failure.getClass().getSimpleName()))
                .chain(() -> ack(message));
    }

    static Uni<Void> ack(Message<String> message) {
        return Uni.createFrom().completionStage(message.ack());
    }
}
