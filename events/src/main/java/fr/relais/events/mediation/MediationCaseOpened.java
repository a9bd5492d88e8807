package fr.relais.events.mediation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The friction score of a journey crossed the policy's threshold (or the citizen asked for a person):
 * a mediation case is open and waits in a pool's queue.
 *
 * @param reasonCode        why, e.g. {@code friction-threshold}
 * @param priority          {@code urgent}, {@code high} or {@code normal}
 * @param pool              the mediator pool (a department code such as {@code 93})
 * @param score             the friction score when the case opened
 * @param threshold         the threshold the policy applied
 * @param policyVersion     the friction policy version that opened the case
 * @param procedureId       the journey's procedure, null if not yet known
 * @param stepId            the step of the latest signal, null if none
 * @param signalKinds       the kinds of the signals that contributed, e.g. {@code validation-error}
 * @param firstContactDueAt when a mediator must have contacted the citizen
 * @param resolutionDueAt   when the case must be resolved
 */
public record MediationCaseOpened(UUID caseId, UUID journeyId, Instant occurredAt, String reasonCode, String priority,
                                  String pool, double score, double threshold, int policyVersion, String procedureId,
                                  String stepId, List<String> signalKinds, Instant firstContactDueAt,
                                  Instant resolutionDueAt) implements MediationEvent {

    public MediationCaseOpened {
        MediationEvent.require(caseId, "caseId");
        MediationEvent.require(journeyId, "journeyId");
        MediationEvent.require(occurredAt, "occurredAt");
        MediationEvent.require(reasonCode, "reasonCode");
        MediationEvent.require(priority, "priority");
        MediationEvent.require(pool, "pool");
        if (score < 0 || threshold < 0) {
            throw new IllegalArgumentException("score and threshold are never negative");
        }
        if (policyVersion < 1) {
            throw new IllegalArgumentException("policyVersion starts at 1: " + policyVersion);
        }
        MediationEvent.require(signalKinds, "signalKinds");
        signalKinds = List.copyOf(signalKinds);
        MediationEvent.require(firstContactDueAt, "firstContactDueAt");
        MediationEvent.require(resolutionDueAt, "resolutionDueAt");
    }
}
