package fr.relais.mediation.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A mediation case and the rules of its lifecycle: open -> claimed (exclusive) -> resolved with an
 * outcome; contact attempts meet the first-contact SLA; a missed SLA raises the case one rung up the
 * escalation ladder (higher priority and tier, back in the queue, unassigned). Immutable: every rule
 * returns the next state or throws {@link CaseConflict}.
 */
public record MediationCase(UUID id, UUID journeyId, CaseStatus status, Priority priority, String pool, int tier,
                            double score, int policyVersion, String reasonCode, String procedureId, String stepId,
                            String claimedBy, Instant openedAt, Instant claimedAt, Instant firstContactAt,
                            Instant resolvedAt, CaseOutcome outcome, Instant firstContactDueAt,
                            Instant resolutionDueAt, int contactAttempts) {

    public static final String REASON_THRESHOLD = "friction-threshold";

    public MediationCase {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(journeyId, "journeyId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(firstContactDueAt, "firstContactDueAt");
        Objects.requireNonNull(resolutionDueAt, "resolutionDueAt");
        if (status == CaseStatus.CLAIMED && claimedBy == null) {
            throw new IllegalArgumentException("a claimed case has a mediator");
        }
    }

    /** A case opens when the score crosses the threshold and the journey has no open case: never two at once. */
    public static boolean shouldOpen(FrictionScore score, boolean journeyHasOpenCase) {
        return score.crossed() && !journeyHasOpenCase;
    }

    /** A new case for a score that crossed the threshold, with its priority, pool and SLA deadlines. */
    public static MediationCase open(UUID id, FrictionScore score, UUID journeyId, String pool, FrictionPolicy policy,
                                     Instant now) {
        Priority priority = policy.priorityOf(score);
        Sla sla = policy.slaFor(priority);
        return new MediationCase(id, journeyId, CaseStatus.OPEN, priority, pool, 0, score.total(), policy.version(),
                REASON_THRESHOLD, score.procedureId(), score.latestStep(), null, now, null, null, null, null,
                now.plus(sla.firstContact()), now.plus(sla.resolution()), 0);
    }

    public boolean isOpen() {
        return status != CaseStatus.RESOLVED;
    }

    /** Claiming again by the same mediator changes nothing; by another one is a conflict. */
    public MediationCase claim(String mediator, Instant now) {
        Objects.requireNonNull(mediator, "mediator");
        return switch (status) {
            case RESOLVED -> throw new CaseConflict("case-resolved", "the case is already resolved");
            case CLAIMED -> {
                if (mediator.equals(claimedBy)) {
                    yield this;
                }
                throw new CaseConflict("already-claimed", "another mediator has claimed this case");
            }
            case OPEN -> new MediationCase(id, journeyId, CaseStatus.CLAIMED, priority, pool, tier, score, policyVersion,
                    reasonCode, procedureId, stepId, mediator, openedAt, now, firstContactAt, resolvedAt, outcome,
                    firstContactDueAt, resolutionDueAt, contactAttempts);
        };
    }

    public MediationCase recordContact(String mediator, ContactOutcome contact, Instant now) {
        requireClaimedBy(mediator);
        if (!contact.isAttempt()) {
            return this;
        }
        return new MediationCase(id, journeyId, status, priority, pool, tier, score, policyVersion, reasonCode,
                procedureId, stepId, claimedBy, openedAt, claimedAt, firstContactAt == null ? now : firstContactAt,
                resolvedAt, outcome, firstContactDueAt, resolutionDueAt, contactAttempts + 1);
    }

    public MediationCase resolve(String mediator, CaseOutcome result, Instant now) {
        Objects.requireNonNull(result, "outcome");
        requireClaimedBy(mediator);
        return new MediationCase(id, journeyId, CaseStatus.RESOLVED, priority, pool, tier, score, policyVersion,
                reasonCode, procedureId, stepId, claimedBy, openedAt, claimedAt, firstContactAt, now, result,
                firstContactDueAt, resolutionDueAt, contactAttempts);
    }

    /** Whether the SLA is already met, so its timers have nothing left to say. */
    public boolean met(SlaKind sla) {
        return status == CaseStatus.RESOLVED || (sla == SlaKind.FIRST_CONTACT && firstContactAt != null);
    }

    /**
     * A missed SLA: one rung up the ladder, back in the pool's queue for any mediator, and the missed SLA's deadline
     * set again from {@code now} at the raised priority's length ({@code raised}), so that a case still not met
     * breaches again and keeps climbing (tier 2, 3, ...) instead of going quiet after one breach.
     */
    public MediationCase breached(SlaKind sla, Sla raised, Instant now) {
        if (met(sla)) {
            return this;
        }
        Instant firstContactDue = sla == SlaKind.FIRST_CONTACT ? now.plus(raised.firstContact()) : firstContactDueAt;
        Instant resolutionDue = sla == SlaKind.RESOLUTION ? now.plus(raised.resolution()) : resolutionDueAt;
        return new MediationCase(id, journeyId, CaseStatus.OPEN, priority.raised(), pool, tier + 1, score,
                policyVersion, reasonCode, procedureId, stepId, null, openedAt, null, firstContactAt, resolvedAt,
                outcome, firstContactDue, resolutionDue, contactAttempts);
    }

    /** When the SLA is due now: its deadline as it stands. */
    public Instant dueAt(SlaKind sla) {
        return sla == SlaKind.FIRST_CONTACT ? firstContactDueAt : resolutionDueAt;
    }

    private void requireClaimedBy(String mediator) {
        if (status == CaseStatus.RESOLVED) {
            throw new CaseConflict("case-resolved", "the case is already resolved");
        }
        if (status != CaseStatus.CLAIMED || !claimedBy.equals(mediator)) {
            throw new CaseConflict("not-your-case", "claim the case before acting on it");
        }
    }
}
