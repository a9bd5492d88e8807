package fr.relais.appointment.service;

import fr.relais.messaging.inbox.ProcessedMessages;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.UUID;

/**
 * Records on a booking that its citizen was reminded (a reminder sent or delivered, from notification.events), once
 * per record: the record id goes to processed_message in the same transaction. The earliest report is kept, so a
 * second reminder, a delivery receipt after its sending or a redelivery changes nothing. A booking this service does
 * not know, or one of another journey, is left alone.
 */
@ApplicationScoped
public class NotificationFacts {

    /** This consumer's name in processed_message. */
    static final String CONSUMER = "appointment-service.notification-events";

    private static final String REMINDED = "update booking set reminded_at = :at"
            + " where id = :booking and journey_id = :journey and (reminded_at is null or reminded_at > :at)";

    @Inject
    ProcessedMessages processed;

    public Uni<Void> reminded(String recordId, UUID bookingId, UUID journeyId, Instant at) {
        return Panache.withTransaction(() -> processed.once(CONSUMER, recordId, () -> Panache.getSession()
                .flatMap(session -> session.createNativeQuery(REMINDED).setParameter("at", at)
                        .setParameter("booking", bookingId).setParameter("journey", journeyId).executeUpdate())
                .replaceWithVoid()));
    }
}
