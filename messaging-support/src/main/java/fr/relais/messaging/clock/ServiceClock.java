package fr.relais.messaging.clock;

import io.quarkus.logging.Log;

import java.time.Clock;
import java.time.Duration;

/**
 * A service's time: real time, moved forward by {@code relais.clock.offset} (system tests and demos only). Every
 * decision that depends on "now" reads the service's Clock bean (timers, deadlines, windows), so a service restarted
 * with an offset lives through hours in seconds, with its real timers firing from its real database.
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

    /** The system clock moved by the offset, said loudly: a shifted clock outside a test would fire timers early. */
    public static Clock systemShiftedBy(Duration offset) {
        if (offset != null && !offset.isZero()) {
            Log.warnf("relais.clock.offset=%s: the service's clock runs %s ahead of real time (system tests and demos only)",
                    offset, offset);
        }
        return of(Clock.systemUTC(), offset);
    }
}
