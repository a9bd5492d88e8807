package fr.relais.appointment.messaging;

import fr.relais.appointment.service.MediationFacts;
import fr.relais.events.Topics;
import fr.relais.events.mediation.MediationCaseClaimed;
import fr.relais.events.mediation.MediationCaseOpened;
import fr.relais.events.mediation.MediationCaseResolved;
import fr.relais.events.mediation.MediationEvent;
import fr.relais.events.mediation.MediationSlaBreached;
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
 * Reads mediation.events for the mediators who may act on a journey's bookings: a case opened in a pool, claimed
 * by a mediator, put back in its pool unassigned after a missed SLA, resolved (no access any more). Other types are acknowledged and skipped; unreadable records of
 * these types go to mediation.events.dlq. Effectively once (processed_message), acknowledged after the commit.
 */
@ApplicationScoped
public class MediationEventConsumer {

    public static final String NAME = "appointment-service.mediation-events";
    private static final Set<Class<?>> WANTED = Set.of(MediationCaseOpened.class, MediationCaseClaimed.class,
            MediationCaseResolved.class, MediationSlaBreached.class);

    @Inject
    MediationFacts facts;

    @Inject
    DeadLetters deadLetters;

    @Incoming("mediation-events")
    public Uni<Void> consume(Message<String> message) {
        IncomingKafkaRecordMetadata<?, ?> origin = message.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
        ContractRecord record = ContractRecord.of(message.getPayload(), origin, WANTED);
        if (record instanceof ContractRecord.Skipped) {
            return JourneyEventConsumer.ack(message);
        }
        if (record instanceof ContractRecord.Poison poison) {
            return deadLetters.park(Topics.MEDIATION_EVENTS, origin, message.getPayload(), poison.reason())
                    .chain(() -> JourneyEventConsumer.ack(message));
        }
        ContractRecord.Read read = (ContractRecord.Read) record;
        return facts.apply(read.id(), (MediationEvent) read.payload())
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(8)
                .onFailure().recoverWithUni(failure -> deadLetters.park(Topics.MEDIATION_EVENTS, origin, message.getPayload(),
                        "processing failed after retries: " + failure.getClass().getSimpleName()))
                .chain(() -> JourneyEventConsumer.ack(message));
    }
}
