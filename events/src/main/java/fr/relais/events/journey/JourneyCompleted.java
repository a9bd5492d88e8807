package fr.relais.events.journey;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The last step was completed; status {@code COMPLETED}, terminal.
 */
public record JourneyCompleted(UUID journeyId, long sequence, Instant occurredAt,
                               Actor actor) implements JourneyEvent {

    public JourneyCompleted {
        Objects.requireNonNull(journeyId, "journeyId");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1: " + sequence);
        }
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
    }
}
