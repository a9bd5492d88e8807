package fr.relais.mediation.api;

import fr.relais.mediation.domain.MediationCase;
import fr.relais.mediation.domain.RequiredSkills;
import fr.relais.mediation.domain.SkillRouting;
import fr.relais.mediation.persistence.CaseHistoryEntity;
import fr.relais.mediation.service.CaseService;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** What the mediator API answers: ids, codes and instants; the only free text is the mediator's own short notes. */
public final class CaseViews {

    private CaseViews() {
    }

    /**
     * A case. Routing by skill, for the calling mediator (in the queue and a case's detail; null in the answers to an
     * action): {@code requiredSkills} the codes the case needs (null while journey-service has not said),
     * {@code skillMatch} matched, none-required, unknown, open-to-all (she lacks a skill but the first-contact deadline
     * has passed) or missing (she may not take it yet), {@code missingSkills} the codes she lacks.
     */
    public record CaseView(UUID id, UUID journeyId, String status, String priority, int tier, String pool,
                           double score, int policyVersion, String reasonCode, String procedureId, String stepId,
                           String claimedBy, Instant openedAt, Instant claimedAt, Instant firstContactAt,
                           Instant resolvedAt, String outcome, Instant firstContactDueAt, Instant resolutionDueAt,
                           Instant nextDeadline, int contactAttempts, List<String> requiredSkills, String skillMatch,
                           List<String> missingSkills) {

        static CaseView of(MediationCase c) {
            return of(c, null, null, null);
        }

        static CaseView of(MediationCase c, RequiredSkills skills, Set<String> mediatorSkills, Instant now) {
            boolean routed = skills != null;
            return new CaseView(c.id(), c.journeyId(), c.status().name().toLowerCase(), c.priority().wire(), c.tier(),
                    c.pool(), c.score(), c.policyVersion(), c.reasonCode(), c.procedureId(), c.stepId(), c.claimedBy(),
                    c.openedAt(), c.claimedAt(), c.firstContactAt(), c.resolvedAt(),
                    c.outcome() == null ? null : c.outcome().wire(), c.firstContactDueAt(), c.resolutionDueAt(),
                    c.status().name().equals("RESOLVED") ? null : CaseService.nextDeadline(c), c.contactAttempts(),
                    routed && skills.known() ? List.copyOf(skills.skills()) : null,
                    routed ? SkillRouting.match(skills, mediatorSkills, c.firstContactDueAt(), now).wire() : null,
                    routed ? List.copyOf(skills.missingFrom(mediatorSkills)) : null);
        }
    }

    /**
     * A case as its citizen sees it in her data export: why and when it opened, where it stands, how it ended; not the
     * mediators' names nor their notes (their working notes, kept for the case).
     */
    public record MyCase(UUID id, UUID journeyId, String procedureId, String stepId, String reasonCode, String status,
                         Instant openedAt, Instant firstContactAt, Instant resolvedAt, String outcome) {
        public static MyCase of(fr.relais.mediation.persistence.CaseEntity c) {
            return new MyCase(c.id, c.journeyId, c.procedureId, c.stepId, c.reasonCode, c.status, c.openedAt, c.firstContactAt,
                    c.resolvedAt, c.outcome);
        }
    }

    public record HistoryLine(Instant at, String action, String actor, String code, String note) {
        static HistoryLine of(CaseHistoryEntity e) {
            return new HistoryLine(e.at, e.action, e.actor, e.code, e.note);
        }
    }

    public record CaseDetail(CaseView mediationCase, List<HistoryLine> history) {
    }

    /** A contact attempt or a note: {@code outcome} is reached, no-answer, voicemail, callback-planned, wrong-number or note. */
    public record ContactRequest(String outcome, String note) {
    }

    /** {@code outcome}: helped-online, booked-desk-appointment, completed-under-mandate, redirected, could-not-reach. */
    public record ResolveRequest(String outcome) {
    }
}
