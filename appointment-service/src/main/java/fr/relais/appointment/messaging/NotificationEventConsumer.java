package fr.relais.appointment.messaging;

import fr.relais.appointment.domain.Reminded;
import fr.relais.appointment.service.NotificationFacts;
import fr.relais.events.Topics;
import fr.relais.events.notification.NotificationDelivered;
import fr.relais.events.notification.NotificationEvent;
import fr.relais.events.notification.NotificationSent;
import fr.relais.messaging.inbox.Inbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads notification.events for the reminders that reached a citizen: a NotificationSent or NotificationDelivered
 * whose trigger is a reminder (48 h, 2 h) and which names a booking marks that booking reminded (the no-show and
 * check-in counters are then split by it). Other types and triggers, and messages about no booking, are
 * acknowledged and skipped; unreadable records go to notification.events.dlq. Effectively once (processed_message),
 * acknowledged after the commit (Inbox).
 */
@ApplicationScoped
public class NotificationEventConsumer {

    private static final Set<Class<?>> WANTED = Set.of(NotificationSent.class, NotificationDelivered.class);

    @Inject
    NotificationFacts facts;

    @Inject
    Inbox inbox;

    @Incoming("notification-events")
    public Uni<Void> consume(Message<String> message) {
        return inbox.consume(Topics.NOTIFICATION_EVENTS, message, record -> {
            if (record.contract().filter(type -> !WANTED.contains(type)).isPresent()) {
                return Optional.empty();
            }
            String id = record.id();
            NotificationEvent event = record.payload(NotificationEvent.class);
            UUID bookingId = bookingOf(event);
            if (bookingId == null || !Reminded.isReminder(event.trigger())) {
                return Optional.empty();
            }
            return Inbox.effect(() -> facts.reminded(id, bookingId, event.journeyId(), event.occurredAt()));
        });
    }

    private static UUID bookingOf(NotificationEvent event) {
        if (event instanceof NotificationSent sent) {
            return sent.bookingId();
        }
        if (event instanceof NotificationDelivered delivered) {
            return delivered.bookingId();
        }
        return null;
    }
}
