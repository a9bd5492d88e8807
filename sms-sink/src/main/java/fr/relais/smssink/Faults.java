package fr.relais.smssink;

import java.util.OptionalInt;

/** The failures asked for: the next {@code remaining} submits fail with the mode's command status. */
final class Faults {

    private FaultMode mode = FaultMode.NONE;
    private int remaining;

    synchronized void failNext(FaultMode mode, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be 0 or more");
        }
        this.mode = count == 0 ? FaultMode.NONE : mode;
        this.remaining = mode == FaultMode.NONE ? 0 : count;
    }

    /** The command status the current submit must fail with, if one is due; counts it. */
    synchronized OptionalInt take() {
        if (mode == FaultMode.NONE || remaining == 0) {
            return OptionalInt.empty();
        }
        int status = mode.commandStatus;
        if (--remaining == 0) {
            mode = FaultMode.NONE;
        }
        return OptionalInt.of(status);
    }
}
