package fr.relais.events.journey;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The citizen granted a site a mandate on one procedure.
 */
public record MandateGranted(UUID journeyId, long sequence, Instant occurredAt, Actor actor, UUID mandateId,
                             String site, String procedureId, Instant expiresAt) implements JourneyEvent {

    public MandateGranted {
        Objects.requireNonNull(journeyId, "journeyId");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1: " + sequence);
        }
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(mandateId, "mandateId");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(procedureId, "procedureId");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
