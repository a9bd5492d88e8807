package fr.relais.gateway.commands;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * How many of this instance's commands journey-service decided per second, over the last few whole seconds: what the
 * admission of new journeys sizes its backlog by (Little's law: undecided = rate x wait).
 */
final class DecisionRate {

    private static final int SECONDS = 5;

    // one slot per second, tagged with the second it counts; slot (second % size) is reused once that second is old
    private final AtomicLongArray counts = new AtomicLongArray(SECONDS + 1);
    private final AtomicLongArray seconds = new AtomicLongArray(SECONDS + 1);

    void record(long nowNanos) {
        long second = nowNanos / 1_000_000_000L;
        int slot = (int) Math.floorMod(second, SECONDS + 1);
        if (seconds.getAndSet(slot, second) != second) {
            counts.set(slot, 0);
        }
        counts.incrementAndGet(slot);
    }

    /** Decisions per second over the last {@value #SECONDS} whole seconds (the current one, still counting, left out). */
    double perSecond(long nowNanos) {
        long current = nowNanos / 1_000_000_000L;
        long total = 0;
        for (int slot = 0; slot <= SECONDS; slot++) {
            long second = seconds.get(slot);
            if (second < current && second >= current - SECONDS) {
                total += counts.get(slot);
            }
        }
        return total / (double) SECONDS;
    }
}
