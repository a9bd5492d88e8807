package fr.relais.events.journey;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The caller on the current phone call was verified, until {@code verifiedUntil}.
 */
public record CallerVerified(UUID journeyId, long sequence, Instant occurredAt, Actor actor,
                             Instant verifiedUntil) implements JourneyEvent {

    public CallerVerified {
        Objects.requireNonNull(journeyId, "journeyId");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1: " + sequence);
        }
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(verifiedUntil, "verifiedUntil");
    }
}
