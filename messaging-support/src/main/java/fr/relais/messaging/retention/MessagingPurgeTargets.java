package fr.relais.messaging.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/** The plumbing tables of db/relais-messaging that every service has, with their retention. */
@ApplicationScoped
public class MessagingPurgeTargets {

    /** Published records stay a week after publication, to look into what a service sent; unpublished ones always stay. */
    @ConfigProperty(name = "relais.retention.outbox", defaultValue = "P7D")
    Duration outbox;

    /**
     * A consumed record's id must outlive the record in its topic (7 days by default): a record redelivered after its
     * id was purged would take effect twice. Two weeks leaves a margin over the topics' retention.
     */
    @ConfigProperty(name = "relais.retention.processed-messages", defaultValue = "P14D")
    Duration processedMessages;

    @Produces
    PurgeTarget outbox() {
        return new PurgeTarget("outbox", "published_at", null, outbox);
    }

    @Produces
    PurgeTarget processedMessages() {
        return new PurgeTarget("processed_message", "processed_at", null, processedMessages);
    }
}
