package fr.relais.appointment.config;

import java.time.Clock;
import java.time.Duration;

/**
 * The service's time: real time, moved forward by {@code relais.clock.offset} (system tests and demos only).
 * Every decision that depends on "now" reads the Clock bean: hold expiry, reminders, no-show detection,
 * check-in windows, booking notice and horizon, the slots offered.
 */
public final class ServiceClock {

    private ServiceClock() {
    }

    /** The base clock moved forward by the offset; a negative offset is refused (the clock only moves forward). */
    public static Clock of(Clock base, Duration offset) {
        if (offset == null || offset.isZero()) {
            return base;
        }
        if (offset.isNegative()) {
            throw new IllegalArgumentException("relais.clock.offset moves the clock forward only; got " + offset);
        }
        return Clock.offset(base, offset);
    }
}
