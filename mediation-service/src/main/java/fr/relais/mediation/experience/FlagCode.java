package fr.relais.mediation.experience;

import java.util.Locale;
import java.util.Optional;

/** What was hard for an agent on a journey: a closed list, so flags can be counted, published and trained for. */
public enum FlagCode {
    PROCEDURE_UNCLEAR,
    TOOL_PROBLEM,
    NEEDS_MORE_TIME,
    LANGUAGE,
    MISSING_DOCUMENT,
    ACCESSIBILITY,
    OTHER;

    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<FlagCode> fromWire(String value) {
        for (FlagCode code : values()) {
            if (code.wire().equals(value)) {
                return Optional.of(code);
            }
        }
        return Optional.empty();
    }
}
