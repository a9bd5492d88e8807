package fr.relais.events.journey;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The citizen was recorded as present at a site.
 */
public record PresenceRecorded(UUID journeyId, long sequence, Instant occurredAt, Actor actor, String site,
                               String source) implements JourneyEvent {

    public PresenceRecorded {
        Objects.requireNonNull(journeyId, "journeyId");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1: " + sequence);
        }
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(source, "source");
    }
}
