package fr.relais.notification.domain;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * What makes Relais write to a citizen. Each trigger has a template per channel and a lifetime: a message about an
 * appointment is never sent after it starts; the others are dropped when they are this old.
 */
public enum Trigger {
    APPOINTMENT_BOOKED("appointment-booked", Duration.ofDays(2), true, true),
    APPOINTMENT_MOVED("appointment-moved", Duration.ofDays(2), true, true),
    APPOINTMENT_CANCELLED("appointment-cancelled", Duration.ofDays(2), true, false),
    REMINDER_48H("reminder-48h", Duration.ofDays(2), true, true),
    // two hours: too late for a letter
    REMINDER_2H("reminder-2h", Duration.ofHours(2), false, true),
    HANDOFF_ACCEPTED("handoff-accepted", Duration.ofDays(1), false, false),
    CALLBACK_SCHEDULED("callback-scheduled", Duration.ofDays(1), false, false),
    MEDIATOR_TRYING("mediator-trying", Duration.ofDays(2), true, false),
    JOURNEY_WAITING("journey-waiting", Duration.ofDays(3), true, false),
    JOURNEY_COMPLETED("journey-completed", Duration.ofDays(7), true, false);

    private final String code;
    private final Duration lifetime;
    private final boolean letterAllowed;
    private final boolean everyInstantChannel;

    Trigger(String code, Duration lifetime, boolean letterAllowed, boolean everyInstantChannel) {
        this.code = code;
        this.lifetime = lifetime;
        this.letterAllowed = letterAllowed;
        this.everyInstantChannel = everyInstantChannel;
    }

    public String code() {
        return code;
    }

    /** How long after its event the message is still worth sending (an appointment's start caps it too). */
    public Duration lifetime() {
        return lifetime;
    }

    /** Whether a letter, days later, still makes sense. */
    public boolean letterAllowed() {
        return letterAllowed;
    }

    /** Appointments matter most: they go out on every instant channel she consented to, not only the first. */
    public boolean everyInstantChannel() {
        return everyInstantChannel;
    }

    /** Whether the message is about an appointment (dropped when it is cancelled or moved). */
    public boolean aboutAppointment() {
        return this == APPOINTMENT_BOOKED || this == APPOINTMENT_MOVED || this == REMINDER_48H || this == REMINDER_2H;
    }

    public boolean reminder() {
        return this == REMINDER_48H || this == REMINDER_2H;
    }

    public static Optional<Trigger> of(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
