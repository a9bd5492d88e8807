package fr.relais.events.notification;

import fr.relais.events.JourneyScoped;

import java.time.Instant;
import java.util.UUID;

/** A fact about one message to a citizen, keyed by the journey it is about. */
public sealed interface NotificationEvent extends JourneyScoped
        permits NotificationSent, NotificationDelivered, NotificationFailed {

    UUID notificationId();

    Instant occurredAt();

    /** The trigger code, e.g. {@code reminder-48h}, {@code appointment-booked}, {@code callback-scheduled}. */
    String trigger();

    /** Shared argument checks of the records. */
    static void require(Object value, String name) {
        if (value == null) {
            throw new NullPointerException(name);
        }
    }
}
