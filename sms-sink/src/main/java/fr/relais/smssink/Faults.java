package fr.relais.smssink;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The failures asked for: the next {@code remaining} submits fail with the mode's command status, whoever they are to,
 * or only those to one number (so a test's fault is not taken by another message still on its way).
 */
final class Faults {

    private static final String ANY = "";

    private final Map<String, Pending> pending = new HashMap<>();

    private record Pending(FaultMode mode, int remaining) {
    }

    synchronized void failNext(FaultMode mode, int count) {
        failNextTo(ANY, mode, count);
    }

    /** {@code number} as the submits name it, with or without '+' and spaces. */
    synchronized void failNextTo(String number, FaultMode mode, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be 0 or more");
        }
        String key = SmsSink.normalized(number);
        if (count == 0 || mode == FaultMode.NONE) {
            pending.remove(key);
        } else {
            pending.put(key, new Pending(mode, count));
        }
    }

    /** The command status a submit to {@code to} must fail with, if one is due (its number's first); counts it. */
    synchronized OptionalInt take(String to) {
        String key = pending.containsKey(SmsSink.normalized(to)) ? SmsSink.normalized(to) : ANY;
        Pending due = pending.get(key);
        if (due == null) {
            return OptionalInt.empty();
        }
        if (due.remaining() == 1) {
            pending.remove(key);
        } else {
            pending.put(key, new Pending(due.mode(), due.remaining() - 1));
        }
        return OptionalInt.of(due.mode().commandStatus);
    }
}
