package fr.relais.events.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * The channel confirmed delivery: an SMS delivery receipt, a letter marked posted. (An e-mail accepted by the
 * relay is only {@link NotificationSent}: SMTP says no more.)
 */
public record NotificationDelivered(UUID notificationId, UUID journeyId, Instant occurredAt, String trigger,
                                    String channel, UUID bookingId) implements NotificationEvent {

    public NotificationDelivered {
        NotificationEvent.require(notificationId, "notificationId");
        NotificationEvent.require(journeyId, "journeyId");
        NotificationEvent.require(occurredAt, "occurredAt");
        NotificationEvent.require(trigger, "trigger");
        NotificationEvent.require(channel, "channel");
    }
}
