package fr.relais.journey.messaging;

import fr.relais.events.Topics;
import fr.relais.events.journey.JourneyCommand;
import fr.relais.journey.service.CommandHandler;
import fr.relais.messaging.inbox.InboundRecord;
import fr.relais.messaging.inbox.Inbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes journey.commands one record at a time per partition (all commands of a journey share its
 * partition, so they are decided in order). The record is acknowledged only after the decision's
 * transaction committed; unreadable records and records that keep failing go to the dead-letter topic (Inbox).
 */
@ApplicationScoped
public class JourneyCommandConsumer {

    @Inject
    CommandHandler handler;

    @Inject
    Inbox inbox;

    @Incoming("journey-commands")
    public Uni<Void> consume(Message<String> message) {
        return inbox.consume(Topics.JOURNEY_COMMANDS, message, record -> {
            InboundRecord.Received<JourneyCommand> read = record.read(JourneyCommand.class);
            return Inbox.effect(() -> handler.handle(read.payload(), read.attributes()));
        });
    }
}
