package fr.relais.events.mediation;

import java.time.Instant;
import java.util.UUID;

/**
 * A case's SLA was missed; the case went up the escalation ladder: back in the pool's queue, unassigned,
 * at a higher priority and tier.
 *
 * @param sla         {@code first-contact} or {@code resolution}
 * @param priority    the priority after the reassignment
 * @param tier        the escalation tier after the reassignment (0 when opened)
 */
public record MediationSlaBreached(UUID caseId, UUID journeyId, Instant occurredAt, String sla, String priority,
                                   String pool, Instant dueAt, int tier) implements MediationEvent {

    public MediationSlaBreached {
        MediationEvent.require(caseId, "caseId");
        MediationEvent.require(journeyId, "journeyId");
        MediationEvent.require(occurredAt, "occurredAt");
        MediationEvent.require(sla, "sla");
        MediationEvent.require(priority, "priority");
        MediationEvent.require(pool, "pool");
        MediationEvent.require(dueAt, "dueAt");
        if (tier < 0) {
            throw new IllegalArgumentException("tier is never negative: " + tier);
        }
    }
}
