package fr.relais.events.journey;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The journey returned to an earlier step.
 */
public record WentBack(UUID journeyId, long sequence, Instant occurredAt, Actor actor, String fromStepId,
                       String toStepId) implements JourneyEvent {

    public WentBack {
        Objects.requireNonNull(journeyId, "journeyId");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1: " + sequence);
        }
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(fromStepId, "fromStepId");
        Objects.requireNonNull(toStepId, "toStepId");
    }
}
