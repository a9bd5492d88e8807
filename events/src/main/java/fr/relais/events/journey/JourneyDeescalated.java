package fr.relais.events.journey;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The mediation case was resolved; the journey resumes.
 */
public record JourneyDeescalated(UUID journeyId, long sequence, Instant occurredAt, Actor actor, UUID caseId,
                                 String outcome) implements JourneyEvent {

    public JourneyDeescalated {
        Objects.requireNonNull(journeyId, "journeyId");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1: " + sequence);
        }
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(outcome, "outcome");
    }
}
