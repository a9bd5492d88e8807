package fr.relais.notification.api;

import java.time.Instant;
import java.util.UUID;

/** What the screens show of messages: codes, times and, for the citizen herself, the text as it was sent. */
public final class MessageViews {

    private MessageViews() {
    }

    /**
     * One message on one channel, as the citizen reads it in "mes messages".
     *
     * @param status pending, sent, delivered, failed or dropped
     */
    public record Mine(UUID notificationId, UUID journeyId, String trigger, String channel, String status, Instant sentAt,
                       Instant deliveredAt, String subject, String text, boolean deferred) {
    }

    /** One message about a journey, as the desk and the mediator see it: what, when, how, whether it arrived. No text. */
    public record ForStaff(UUID notificationId, String trigger, String channel, String status, Instant createdAt,
                           Instant sentAt, Instant deliveredAt, UUID bookingId) {
    }

    /** A site's letters of one day. */
    public record LetterBatch(String site, String day, int letters, int posted) {
    }

    public record Posted(String site, String day, int letters) {
    }
}
