package fr.relais.journey.procedure;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * How long a journey's personal data stays once it ended: after completion (a submitted record the administration
 * keeps for the legal period) and after abandonment or cancellation. Past it, the retention sweep destroys the
 * journey's key and deletes its answers; its events (ids and codes) stay.
 */
public record ProcedureRetention(Period afterCompletion, Period afterAbandonment) {

    /** For a procedure file that says nothing: five years after completion, six months after abandonment. */
    public static final ProcedureRetention DEFAULT = new ProcedureRetention(Period.ofYears(5), Period.ofMonths(6));

    public ProcedureRetention {
        Objects.requireNonNull(afterCompletion, "afterCompletion");
        Objects.requireNonNull(afterAbandonment, "afterAbandonment");
        if (afterCompletion.isNegative() || afterCompletion.isZero() || afterAbandonment.isNegative() || afterAbandonment.isZero()) {
            throw new IllegalArgumentException("a retention period is positive");
        }
    }

    /** The period for a journey that ended with this status (COMPLETED, or ABANDONED / CANCELLED). */
    public Period after(String status) {
        return "COMPLETED".equals(status) ? afterCompletion : afterAbandonment;
    }

    /** When a journey that ended at {@code endedAt} with this status is past its retention. */
    public Instant expiresAt(String status, Instant endedAt) {
        return endedAt.atZone(ZoneOffset.UTC).plus(after(status)).toInstant();
    }
}
