package fr.relais.mediation.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * How one kind of signal weighs.
 *
 * @param weight         points of one signal when fresh (count 1); never negative
 * @param window         signals older than this, seen from the evaluation time, no longer count
 * @param halfLife       a signal's points halve every half-life (exponential decay)
 * @param minOccurrences the kind counts only once at least this many of its signals are in the window
 *                       (e.g. 3 for "repeated going back")
 * @param maxCount       a signal's {@code count} is capped at this, so one form with 40 invalid fields
 *                       does not weigh like 40 attempts
 */
public record SignalRule(double weight, Duration window, Duration halfLife, int minOccurrences, int maxCount) {

    public SignalRule {
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("weight must be a finite number >= 0: " + weight);
        }
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(halfLife, "halfLife");
        if (window.isNegative() || window.isZero() || halfLife.isNegative() || halfLife.isZero()) {
            throw new IllegalArgumentException("window and halfLife must be positive");
        }
        if (minOccurrences < 1 || maxCount < 1) {
            throw new IllegalArgumentException("minOccurrences and maxCount start at 1");
        }
    }
}
