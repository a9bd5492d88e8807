package fr.relais.mediation.domain;

import java.util.Locale;
import java.util.Optional;

/** How a case ended; the code travels on mediation.events and in the Deescalate command. */
public enum CaseOutcome {
    HELPED_ONLINE,
    BOOKED_DESK_APPOINTMENT,
    COMPLETED_UNDER_MANDATE,
    REDIRECTED,
    COULD_NOT_REACH;

    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<CaseOutcome> fromWire(String value) {
        for (CaseOutcome outcome : values()) {
            if (outcome.wire().equals(value)) {
                return Optional.of(outcome);
            }
        }
        return Optional.empty();
    }
}
