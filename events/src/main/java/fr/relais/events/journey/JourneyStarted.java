package fr.relais.events.journey;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A journey started on a pinned version of a procedure.
 *
 * @param procedureVersion the version of the procedure definition the journey is pinned to
 */
public record JourneyStarted(UUID journeyId, long sequence, Instant occurredAt, Actor actor,
                             String procedureId, int procedureVersion, String firstStepId) implements JourneyEvent {

    public JourneyStarted {
        Objects.requireNonNull(journeyId, "journeyId");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1: " + sequence);
        }
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(procedureId, "procedureId");
        if (procedureVersion < 1) {
            throw new IllegalArgumentException("procedureVersion starts at 1: " + procedureVersion);
        }
        Objects.requireNonNull(firstStepId, "firstStepId");
    }
}
