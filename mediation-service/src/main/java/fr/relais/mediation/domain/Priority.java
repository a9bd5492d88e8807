package fr.relais.mediation.domain;

import java.util.Locale;
import java.util.Optional;

/** How soon a person must step in. Ordered most urgent first; written lowercase ({@code urgent}). */
public enum Priority {
    URGENT,
    HIGH,
    NORMAL;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** 0 for the most urgent: the queue sorts on it. */
    public int rank() {
        return ordinal();
    }

    /** One rung up the escalation ladder; urgent stays urgent. */
    public Priority raised() {
        return this == URGENT ? URGENT : values()[ordinal() - 1];
    }

    public static Optional<Priority> fromWire(String value) {
        for (Priority priority : values()) {
            if (priority.wire().equals(value)) {
                return Optional.of(priority);
            }
        }
        return Optional.empty();
    }
}
