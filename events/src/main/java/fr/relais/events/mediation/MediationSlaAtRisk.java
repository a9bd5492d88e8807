package fr.relais.events.mediation;

import java.time.Instant;
import java.util.UUID;

/**
 * A case's SLA is about to be missed (e.g. 80 % of the time used).
 *
 * @param sla {@code first-contact} or {@code resolution}
 */
public record MediationSlaAtRisk(UUID caseId, UUID journeyId, Instant occurredAt, String sla, String priority,
                                 String pool, Instant dueAt) implements MediationEvent {

    public MediationSlaAtRisk {
        MediationEvent.require(caseId, "caseId");
        MediationEvent.require(journeyId, "journeyId");
        MediationEvent.require(occurredAt, "occurredAt");
        MediationEvent.require(sla, "sla");
        MediationEvent.require(priority, "priority");
        MediationEvent.require(pool, "pool");
        MediationEvent.require(dueAt, "dueAt");
    }
}
