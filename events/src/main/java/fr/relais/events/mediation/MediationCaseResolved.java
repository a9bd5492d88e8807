package fr.relais.events.mediation;

import java.time.Instant;
import java.util.UUID;

/**
 * The case is closed with an outcome; the journey is de-escalated.
 *
 * @param outcome {@code helped-online}, {@code booked-desk-appointment}, {@code completed-under-mandate},
 *                {@code redirected} or {@code could-not-reach}
 * @param openedAt when the case opened, so consumers can measure the time to resolution
 */
public record MediationCaseResolved(UUID caseId, UUID journeyId, Instant occurredAt, String mediator, String outcome,
                                    String pool, String priority, Instant openedAt) implements MediationEvent {

    public MediationCaseResolved {
        MediationEvent.require(caseId, "caseId");
        MediationEvent.require(journeyId, "journeyId");
        MediationEvent.require(occurredAt, "occurredAt");
        MediationEvent.require(mediator, "mediator");
        MediationEvent.require(outcome, "outcome");
        MediationEvent.require(pool, "pool");
        MediationEvent.require(priority, "priority");
        MediationEvent.require(openedAt, "openedAt");
    }
}
