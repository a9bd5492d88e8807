package fr.relais.events.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * The message reached the citizen on no channel, or was dropped before it could.
 *
 * @param reason a code: {@code no-channel} (no contact she consented to), {@code expired} (its moment passed),
 *               {@code cancelled} (its appointment was cancelled), {@code channels-failed}
 */
public record NotificationFailed(UUID notificationId, UUID journeyId, Instant occurredAt, String trigger,
                                 String reason, UUID bookingId) implements NotificationEvent {

    public NotificationFailed {
        NotificationEvent.require(notificationId, "notificationId");
        NotificationEvent.require(journeyId, "journeyId");
        NotificationEvent.require(occurredAt, "occurredAt");
        NotificationEvent.require(trigger, "trigger");
        NotificationEvent.require(reason, "reason");
    }
}
