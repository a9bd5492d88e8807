package fr.relais.appointment.domain;

import java.time.Instant;
import java.util.Set;

/**
 * Whether the citizen was reminded of an appointment: notification-service reported a reminder about the booking
 * as sent or delivered. What matters is the earliest such report; a no-show or a check-in is then counted as
 * reminded or not, so the no-show rates of both can be compared.
 */
public final class Reminded {

    /** notification-service's trigger codes of its reminders, 48 h and 2 h before the appointment. */
    public static final Set<String> REMINDER_TRIGGERS = Set.of("reminder-48h", "reminder-2h");

    /** The values of the {@code reminded} metric tag: two, whatever happens. */
    public static final String YES = "yes";
    public static final String NO = "no";

    private Reminded() {
    }

    /** Whether a message with this trigger reminds the citizen of their appointment. */
    public static boolean isReminder(String trigger) {
        return trigger != null && REMINDER_TRIGGERS.contains(trigger);
    }

    /** The {@code reminded} tag of a booking reminded at {@code remindedAt} (null: never). */
    public static String tag(Instant remindedAt) {
        return remindedAt == null ? NO : YES;
    }
}
