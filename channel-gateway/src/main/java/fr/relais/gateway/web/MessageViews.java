package fr.relais.gateway.web;

import fr.relais.document.FrenchDates;
import fr.relais.gateway.downstream.NotificationAnswers;
import fr.relais.gateway.downstream.NotificationServiceClient;
import io.smallrye.mutiny.Uni;
import io.quarkus.qute.TemplateData;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Messages sent to citizens, in words: hers on "Mes messages" (with their text), a journey's for the staff who help with
 * it (codes worded, times), a site's letters to print by day.
 */
final class MessageViews {

    private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEEE", Locale.FRANCE);
    private static final DateTimeFormatter LONG_DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRANCE);

    private MessageViews() {
    }

    /**
     * One of her messages: what about, when and how it went, whether it arrived, and its text as sent.
     *
     * @param when    "mardi 12 mars 2024 à 14 h 05", or null while it is not sent
     * @param subject the e-mail's subject, null for an SMS or a letter
     */
    @TemplateData
    public record Mine(String id, String title, String when, String channel, String status, boolean received, String subject,
                       String text) {
    }

    /** One message about a journey, as staff read it: what, on which channel, whether it arrived, when. */
    @TemplateData
    public record StaffLine(String title, String channel, String status, String when) {
    }

    /** The "Messages envoyés" block of a staff page: the lines, or {@code available} false when they could not be read. */
    @TemplateData
    public record Block(boolean available, List<StaffLine> lines) {
    }

    /** One day's letters of the site. @param day YYYY-MM-DD, for the links; @param dayLabel the day in words */
    @TemplateData
    public record Batch(String day, String dayLabel, int letters, int posted, boolean allPosted) {
    }

    static List<Mine> mine(List<NotificationAnswers.Message> messages) {
        return messages.stream().map(m -> new Mine(Wording.text(m.notificationId()), Vocabulary.messageTrigger(m.trigger()),
                m.sentAt() == null ? null : spelledOut(m.sentAt()), Vocabulary.messageChannel(m.channel()),
                Vocabulary.messageStatus(m.status(), m.deferred()), "delivered".equals(m.status()),
                "email".equals(m.channel()) ? blankToNull(m.subject()) : null, Wording.text(m.text()))).toList();
    }

    static Block block(List<NotificationAnswers.JourneyMessage> messages) {
        return new Block(true, messages.stream().map(m -> new StaffLine(Vocabulary.messageTrigger(m.trigger()),
                Vocabulary.messageChannel(m.channel()), Vocabulary.messageStatusForStaff(m.status()),
                Wording.when(latest(m)))).toList());
    }

    /** A journey's messages as the block shows them, read with the caller's token; never a failure of the page. */
    static Uni<Block> sentAbout(NotificationServiceClient notifications, UUID journeyId) {
        return notifications.ofJourney(journeyId).map(MessageViews::block).onFailure().recoverWithItem(MessageViews::unavailable);
    }

    /** notification-service did not answer (or refused): the block says so, the page still works. */
    static Block unavailable(Throwable failure) {
        return new Block(false, List.of());
    }

    static List<Batch> batches(List<NotificationAnswers.LetterBatch> batches) {
        return batches.stream().map(b -> new Batch(Wording.text(b.day()), dayInWords(b.day()), b.letters(), b.posted(),
                b.letters() > 0 && b.posted() >= b.letters())).toList();
    }

    /** "mardi 12 mars 2024 à 14 h 05", Paris time. */
    static String spelledOut(Instant instant) {
        return WEEKDAY.format(instant.atZone(FrenchDates.PARIS)) + " " + FrenchDates.withYear(instant);
    }

    /** "mardi 12 mars 2024"; the code itself if it is no day (never expected). */
    static String dayInWords(String day) {
        try {
            return LONG_DAY.format(LocalDate.parse(day));
        } catch (DateTimeParseException | NullPointerException e) {
            return Wording.text(day);
        }
    }

    /** The last thing known of a message: received, else sent, else planned. */
    private static Instant latest(NotificationAnswers.JourneyMessage m) {
        return m.deliveredAt() != null ? m.deliveredAt() : m.sentAt() != null ? m.sentAt() : m.createdAt();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
