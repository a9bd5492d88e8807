package fr.relais.appointment.domain;

import java.util.Set;

/**
 * The life of a booking. HELD (relais.appointments.hold-duration to confirm, 10 minutes by default) → CONFIRMED → CHECKED_IN or NO_SHOW; HELD or
 * CONFIRMED → CANCELLED; HELD → EXPIRED. Live statuses occupy their counter.
 */
public enum BookingStatus {
    HELD, CONFIRMED, CHECKED_IN, NO_SHOW, CANCELLED, EXPIRED;

    public static final Set<BookingStatus> LIVE = Set.of(HELD, CONFIRMED, CHECKED_IN);
    /** Statuses that count as "an active booking" for the one-booking-per-step rule. */
    public static final Set<BookingStatus> ACTIVE = Set.of(HELD, CONFIRMED);

    public boolean isLive() {
        return LIVE.contains(this);
    }
}
