package fr.relais.events.journey;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The journey was given up; status {@code ABANDONED}, terminal.
 */
public record JourneyAbandoned(UUID journeyId, long sequence, Instant occurredAt, Actor actor,
                               String reasonCode) implements JourneyEvent {

    public JourneyAbandoned {
        Objects.requireNonNull(journeyId, "journeyId");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1: " + sequence);
        }
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(reasonCode, "reasonCode");
    }
}
