package fr.relais.events.journey;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The citizen withdrew a mandate.
 */
public record MandateRevoked(UUID journeyId, long sequence, Instant occurredAt, Actor actor,
                             UUID mandateId) implements JourneyEvent {

    public MandateRevoked {
        Objects.requireNonNull(journeyId, "journeyId");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1: " + sequence);
        }
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(mandateId, "mandateId");
    }
}
