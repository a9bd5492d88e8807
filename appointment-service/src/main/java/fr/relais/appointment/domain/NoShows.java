package fr.relais.appointment.domain;

import java.time.Duration;
import java.time.Instant;

/** A confirmed booking not checked in by its start plus the grace period is a no-show. */
public final class NoShows {

    public static final Duration GRACE = Duration.ofMinutes(15);
    /** Check-in opens this long before the start. */
    public static final Duration EARLY_CHECK_IN = Duration.ofMinutes(60);

    private NoShows() {
    }

    public static Instant checkAt(Instant start) {
        return start.plus(GRACE);
    }

    public static boolean isNoShow(BookingStatus status, Instant start, Instant now) {
        return status == BookingStatus.CONFIRMED && !now.isBefore(start.plus(GRACE));
    }

    public static boolean mayCheckIn(BookingStatus status, Instant start, Instant end, Instant now) {
        return status == BookingStatus.CONFIRMED && !now.isBefore(start.minus(EARLY_CHECK_IN)) && now.isBefore(end.plus(GRACE));
    }
}
