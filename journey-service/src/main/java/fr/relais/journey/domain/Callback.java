package fr.relais.journey.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The call back the citizen waits for: due from {@code dueAt}, overdue after {@code windowEndsAt}. It is no longer
 * in the state once closed (reached, wrong number, or the journey ended).
 */
public record Callback(UUID callbackId, String reasonCode, List<String> windows, Instant dueAt, Instant windowEndsAt,
                       int failedAttempts) {

    public Callback {
        windows = windows == null ? List.of() : List.copyOf(windows);
    }

    Callback failed(int failedAttempts) {
        return new Callback(callbackId, reasonCode, windows, dueAt, windowEndsAt, failedAttempts);
    }
}
