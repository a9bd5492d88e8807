package fr.relais.events.journey;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The agent handed the journey back to the digital channel; status {@code IN_PROGRESS}.
 *
 * @param resumeStepId where the citizen resumes
 */
public record JourneyReleased(UUID journeyId, long sequence, Instant occurredAt, Actor actor,
                              String resumeStepId) implements JourneyEvent {

    public JourneyReleased {
        Objects.requireNonNull(journeyId, "journeyId");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1: " + sequence);
        }
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(resumeStepId, "resumeStepId");
    }
}
