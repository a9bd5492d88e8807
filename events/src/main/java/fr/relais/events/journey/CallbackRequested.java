package fr.relais.events.journey;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The citizen waits for a call back: due from {@code dueAt} (the start of the first of her windows to come) and
 * overdue after {@code windowEndsAt}.
 */
public record CallbackRequested(UUID journeyId, long sequence, Instant occurredAt, Actor actor, UUID callbackId,
                                String reasonCode, List<String> windows, Instant dueAt, Instant windowEndsAt)
        implements JourneyEvent {

    public CallbackRequested {
        Objects.requireNonNull(journeyId, "journeyId");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1: " + sequence);
        }
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(callbackId, "callbackId");
        Objects.requireNonNull(reasonCode, "reasonCode");
        windows = windows == null ? List.of() : List.copyOf(windows);
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(windowEndsAt, "windowEndsAt");
    }
}
