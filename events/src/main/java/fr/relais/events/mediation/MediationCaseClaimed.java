package fr.relais.events.mediation;

import java.time.Instant;
import java.util.UUID;

/**
 * A mediator took the case, exclusively.
 *
 * @param mediator the mediator's pseudonymous Keycloak {@code sub}, never a name
 */
public record MediationCaseClaimed(UUID caseId, UUID journeyId, Instant occurredAt, String mediator, String pool,
                                   String priority) implements MediationEvent {

    public MediationCaseClaimed {
        MediationEvent.require(caseId, "caseId");
        MediationEvent.require(journeyId, "journeyId");
        MediationEvent.require(occurredAt, "occurredAt");
        MediationEvent.require(mediator, "mediator");
        MediationEvent.require(pool, "pool");
        MediationEvent.require(priority, "priority");
    }
}
