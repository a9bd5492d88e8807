package fr.relais.journey.messaging;

import fr.relais.messaging.DeadLetters;
import fr.relais.events.Topics;
import fr.relais.journey.service.CommandHandler;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Duration;

/**
 * Consumes journey.commands one record at a time per partition (all commands of a journey share its
 * partition, so they are decided in order). The record is acknowledged only after the decision's
 * transaction committed; unreadable records and records that keep failing go to the dead-letter topic.
 */
@ApplicationScoped
public class JourneyCommandConsumer {

    @Inject
    CommandHandler handler;

    @Inject
    DeadLetters deadLetters;

    @Incoming("journey-commands")
    public Uni<Void> consume(Message<String> message) {
        IncomingKafkaRecordMetadata<?, ?> origin = message.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
        CommandReader.ReadCommand read;
        try {
            read = CommandReader.read(ReceivedHeaders.of(origin), origin.getKey() == null ? null : origin.getKey().toString(), message.getPayload());
        } catch (PoisonRecordException e) {
            return deadLetters.park(Topics.JOURNEY_COMMANDS, origin, message.getPayload(), e.getMessage())
                    .chain(() -> Uni.createFrom().completionStage(message.ack()));
        }
        return handler.handle(read.command(), read.attributes())
                // transient failures (database restarting, lock timeouts) are retried before giving up
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(8)
                .replaceWithVoid()
                .onFailure().recoverWithUni(failure -> deadLetters.park(Topics.JOURNEY_COMMANDS, origin, message.getPayload(),
                        "processing failed after retries: " + failure.getClass().getSimpleName()))
                .chain(() -> Uni.createFrom().completionStage(message.ack()));
    }
}
