package fr.relais.events.journey;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The journey now belongs to the account of {@code actor} (a citizen): she sees and acts on it online. */
public record JourneyAttached(UUID journeyId, long sequence, Instant occurredAt, Actor actor) implements JourneyEvent {

    public JourneyAttached {
        Objects.requireNonNull(journeyId, "journeyId");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1: " + sequence);
        }
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
    }
}
