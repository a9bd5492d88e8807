package fr.relais.events.journey;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A step's answers were accepted.
 *
 * @param nextStepId the step now current, null when the last step was completed
 * @param fieldNames the names of the fields answered, never their values
 */
public record StepCompleted(UUID journeyId, long sequence, Instant occurredAt, Actor actor, String stepId,
                            String nextStepId, List<String> fieldNames) implements JourneyEvent {

    public StepCompleted {
        Objects.requireNonNull(journeyId, "journeyId");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1: " + sequence);
        }
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(fieldNames, "fieldNames");
        fieldNames = List.copyOf(fieldNames);
    }
}
