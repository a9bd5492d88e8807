package fr.relais.events.mediation;

import java.time.Instant;
import java.util.UUID;

/**
 * The mediator tried to reach the citizen. The mediator's note stays in mediation-service.
 *
 * @param outcome a contact code: {@code reached}, {@code no-answer}, {@code voicemail}, {@code callback-planned}…
 * @param attempt 1 for the first attempt on the case
 */
public record MediationContactRecorded(UUID caseId, UUID journeyId, Instant occurredAt, String mediator,
                                       String outcome, int attempt) implements MediationEvent {

    public MediationContactRecorded {
        MediationEvent.require(caseId, "caseId");
        MediationEvent.require(journeyId, "journeyId");
        MediationEvent.require(occurredAt, "occurredAt");
        MediationEvent.require(mediator, "mediator");
        MediationEvent.require(outcome, "outcome");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt starts at 1: " + attempt);
        }
    }
}
