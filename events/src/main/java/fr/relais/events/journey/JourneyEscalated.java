package fr.relais.events.journey;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A mediation case is open for the journey; status {@code ESCALATED}.
 *
 * @param pool the mediator pool of the case (a department code), null when the Escalate command named none
 */
public record JourneyEscalated(UUID journeyId, long sequence, Instant occurredAt, Actor actor, UUID caseId,
                               String reasonCode, String pool) implements JourneyEvent {

    public JourneyEscalated {
        Objects.requireNonNull(journeyId, "journeyId");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1: " + sequence);
        }
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(reasonCode, "reasonCode");
    }
}
