package fr.relais.events.journey;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A relative or an aidant (an account) may act for the citizen on this journey until {@code expiresAt}, unless withdrawn. */
public record AidantMandateGranted(UUID journeyId, long sequence, Instant occurredAt, Actor actor, UUID mandateId,
                                   String aidantSubject, UUID aidantPersonId, String procedureId, Instant expiresAt)
        implements JourneyEvent {

    public AidantMandateGranted {
        Objects.requireNonNull(journeyId, "journeyId");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1: " + sequence);
        }
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(mandateId, "mandateId");
        Objects.requireNonNull(aidantSubject, "aidantSubject");
        Objects.requireNonNull(aidantPersonId, "aidantPersonId");
        Objects.requireNonNull(procedureId, "procedureId");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
