package fr.relais.messaging.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.Supplier;

/**
 * Makes an at-least-once consumer effectively-once: a record's id goes to processed_message (db/relais-messaging)
 * in the same transaction as its effect, so a redelivered record is recognised and changes nothing.
 * Both methods run in the caller's transaction.
 */
@ApplicationScoped
public class ProcessedMessages {

    // ON CONFLICT DO NOTHING: a concurrent redelivery waits for the first insert and then counts 0, never fails
    private static final String MARK = "insert into processed_message (consumer, message_id) values (:consumer, :id)"
            + " on conflict do nothing";

    /** Remembers the message for this consumer; true the first time, false for a redelivery. */
    public Uni<Boolean> markNew(String consumer, String messageId) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(MARK)
                        .setParameter("consumer", consumer).setParameter("id", messageId).executeUpdate())
                .map(inserted -> inserted > 0);
    }

    /** Runs the effect the first time this consumer sees the message, and nothing on a redelivery. */
    public Uni<Void> once(String consumer, String messageId, Supplier<Uni<Void>> effect) {
        return markNew(consumer, messageId).flatMap(first -> first ? effect.get() : Uni.createFrom().voidItem());
    }
}
