package fr.relais.events.journey;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A journey started on a pinned version of a procedure.
 *
 * @param procedureVersion the version of the procedure definition the journey is pinned to
 * @param personId         the person record the journey belongs to (an id only), null for a journey started online
 *                         by a citizen with an account
 */
public record JourneyStarted(UUID journeyId, long sequence, Instant occurredAt, Actor actor,
                             String procedureId, int procedureVersion, String firstStepId,
                             UUID personId) implements JourneyEvent {

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

    public JourneyStarted(UUID journeyId, long sequence, Instant occurredAt, Actor actor, String procedureId,
                          int procedureVersion, String firstStepId) {
        this(journeyId, sequence, occurredAt, actor, procedureId, procedureVersion, firstStepId, null);
    }
}
