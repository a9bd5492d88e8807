package fr.relais.appointment.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A confirmed booking not checked in by its start plus the grace period is a no-show. Check-in opens
 * {@code earlyCheckIn} before the start and closes {@code grace} after the end.
 */
public record NoShows(Duration grace, Duration earlyCheckIn) {

    public static final Duration DEFAULT_GRACE = Duration.ofMinutes(15);
    public static final Duration DEFAULT_EARLY_CHECK_IN = Duration.ofMinutes(60);
    public static final NoShows DEFAULT = new NoShows(DEFAULT_GRACE, DEFAULT_EARLY_CHECK_IN);

    public NoShows {
        Objects.requireNonNull(grace, "grace");
        Objects.requireNonNull(earlyCheckIn, "earlyCheckIn");
        if (grace.isNegative() || earlyCheckIn.isNegative()) {
            throw new IllegalArgumentException("no-show grace and early check-in are not negative: " + grace + ", " + earlyCheckIn);
        }
    }

    public Instant checkAt(Instant start) {
        return start.plus(grace);
    }

    public boolean isNoShow(BookingStatus status, Instant start, Instant now) {
        return status == BookingStatus.CONFIRMED && !now.isBefore(checkAt(start));
    }

    public boolean mayCheckIn(BookingStatus status, Instant start, Instant end, Instant now) {
        return status == BookingStatus.CONFIRMED && !now.isBefore(start.minus(earlyCheckIn)) && now.isBefore(end.plus(grace));
    }
}
