package fr.relais.events.journey;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Submits the answers of one step. The answers are sealed by the gateway ({@link AnswerSealer}) and
 * opened only by journey-service: form answers are personal data and never readable on Kafka.
 */
public record SubmitStep(UUID commandId, UUID journeyId, Actor actor, Instant issuedAt, String stepId,
                         SealedAnswers answers) implements JourneyCommand {

    public SubmitStep {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(journeyId, "journeyId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(answers, "answers");
    }
}
