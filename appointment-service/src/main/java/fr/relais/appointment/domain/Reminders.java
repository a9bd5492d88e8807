package fr.relais.appointment.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reminders at fixed offsets before an appointment (48 h and 2 h). A reminder whose time has already
 * passed when the booking is confirmed is not scheduled; one that comes due after the appointment has
 * started, or for a booking no longer confirmed, does not fire.
 */
public final class Reminders {

    public record Offset(String code, Duration before) {
    }

    public static final List<Offset> OFFSETS = List.of(
            new Offset("h48", Duration.ofHours(48)),
            new Offset("h2", Duration.ofHours(2)));

    public record Due(String code, Instant at) {
    }

    private Reminders() {
    }

    public static List<Due> schedule(Instant start, Instant now) {
        List<Due> due = new ArrayList<>();
        for (Offset offset : OFFSETS) {
            Instant at = start.minus(offset.before());
            if (at.isAfter(now)) {
                due.add(new Due(offset.code(), at));
            }
        }
        return due;
    }

    /** Whether a reminder that came due should still be sent now. */
    public static boolean shouldFire(BookingStatus status, Instant start, Instant now) {
        return status == BookingStatus.CONFIRMED && now.isBefore(start);
    }
}
