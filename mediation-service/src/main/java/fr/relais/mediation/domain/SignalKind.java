package fr.relais.mediation.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * What a signal says about a journey. Friction signals carry weight in the policy; observations
 * ({@link #STEP_VIEWED}, {@link #CHANNEL_SWITCH}, {@link #STEP_COMPLETED}) weigh nothing by themselves but
 * tell on which channel a step was attempted, which is how channel ping-pong is detected.
 * Written kebab-case ({@code validation-error}), as in the policy file and metric tags.
 */
public enum SignalKind {
    VALIDATION_ERROR,
    HELP_REQUESTED,
    STEP_IDLE,
    SESSION_ABANDONED,
    CALL_DROPPED,
    IDENTITY_CHECK_FAILED,
    NO_SHOW,
    /**
     * A call back that failed twice (no answer, wrong number, call dropped): the citizen could not be reached on the
     * one channel she asked for. Read from journey-service's CallbackAttempted.
     */
    CALLBACK_FAILED,
    /** Derived: the same step attempted on two or more channels within the rule's window. */
    CHANNEL_PING_PONG,
    /** One going back; the policy's {@code minOccurrences} turns it into "repeated going back". */
    WENT_BACK,
    STEP_VIEWED,
    CHANNEL_SWITCH,
    STEP_COMPLETED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<SignalKind> fromWire(String value) {
        for (SignalKind kind : values()) {
            if (kind.wire().equals(value)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
