package fr.relais.mediation.domain;

import java.util.Locale;
import java.util.Optional;

/** What a contact attempt gave. {@link #NOTE} records a note without an attempt. */
public enum ContactOutcome {
    REACHED,
    NO_ANSWER,
    VOICEMAIL,
    CALLBACK_PLANNED,
    WRONG_NUMBER,
    NOTE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Every outcome but a plain note is an attempt to reach the citizen, which meets the first-contact SLA. */
    public boolean isAttempt() {
        return this != NOTE;
    }

    public static Optional<ContactOutcome> fromWire(String value) {
        for (ContactOutcome outcome : values()) {
            if (outcome.wire().equals(value)) {
                return Optional.of(outcome);
            }
        }
        return Optional.empty();
    }
}
