package fr.relais.events.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * A message left Relais on one channel: accepted by the SMTP relay, by the SMS centre, or put in a site's letter batch.
 *
 * @param channel   {@code email}, {@code sms} or {@code letter}
 * @param bookingId the appointment the message is about, null when it is about none
 */
public record NotificationSent(UUID notificationId, UUID journeyId, Instant occurredAt, String trigger, String channel,
                               UUID bookingId) implements NotificationEvent {

    public NotificationSent {
        NotificationEvent.require(notificationId, "notificationId");
        NotificationEvent.require(journeyId, "journeyId");
        NotificationEvent.require(occurredAt, "occurredAt");
        NotificationEvent.require(trigger, "trigger");
        NotificationEvent.require(channel, "channel");
    }
}
