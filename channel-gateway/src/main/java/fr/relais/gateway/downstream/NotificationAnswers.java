package fr.relais.gateway.downstream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/**
 * What notification-service answers (its {@code api/MessageViews}): the gateway's own copy, tolerant of fields it does
 * not know yet. A citizen's own messages carry their text; what staff read of a journey's messages is codes and times.
 */
public final class NotificationAnswers {

    private NotificationAnswers() {
    }

    /**
     * One message on one channel, as the citizen reads it. Personal data (its text): shown to her, never logged.
     *
     * @param trigger  what made Relais write (appointment-booked, reminder-48h…)
     * @param channel  email, sms or letter
     * @param status   pending, sent, delivered, failed or dropped
     * @param subject  the e-mail's subject (none for an SMS or a letter)
     * @param deferred an SMS held back by the quiet hours, sent at 8:00
     */
    @Schema(name = "MyMessage")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Message(UUID notificationId, UUID journeyId, String trigger, String channel, String status, Instant sentAt,
                          Instant deliveredAt, String subject, String text, boolean deferred) {
    }

    /**
     * One message about a journey, as the desk, the phone and the mediator see it: what, when, how, whether it arrived.
     *
     * @param channel email, sms, letter, or none when no channel could be used (status says why)
     */
    @Schema(name = "JourneyMessage")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record JourneyMessage(UUID notificationId, String trigger, String channel, String status, Instant createdAt,
                                 Instant sentAt, Instant deliveredAt, UUID bookingId) {
    }

    /** A site's letters of one day: how many to print, how many already posted. @param day YYYY-MM-DD */
    @Schema(name = "LetterBatch")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LetterBatch(String site, String day, int letters, int posted) {
    }

    /** The letters of a day marked as posted. */
    @Schema(name = "LettersPosted")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Posted(String site, String day, int letters) {
    }
}
