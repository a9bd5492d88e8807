package fr.relais.events.channel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** What happened at a touchpoint. Written kebab-case on the wire ({@code validation-error}). */
public enum TouchpointKind {
    VALIDATION_ERROR,
    HELP_REQUESTED,
    STEP_VIEWED,
    STEP_IDLE,
    SESSION_ABANDONED,
    CALL_DROPPED,
    IDENTITY_CHECK_FAILED,
    CHANNEL_SWITCH,
    WENT_BACK;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @throws IllegalArgumentException for anything but a known kebab-case kind */
    @JsonCreator
    public static TouchpointKind fromWire(String value) {
        for (TouchpointKind kind : values()) {
            if (kind.wire().equals(value)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown touchpoint kind: " + value);
    }
}
