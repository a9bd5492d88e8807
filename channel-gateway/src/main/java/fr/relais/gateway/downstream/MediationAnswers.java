package fr.relais.gateway.downstream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What mediation-service answers (its {@code api/CaseViews}, friction explanation and statistics): the gateway's own
 * copy, tolerant of fields it does not know yet. Ids, codes and instants; the only free text is a mediator's own notes.
 */
public final class MediationAnswers {

    private MediationAnswers() {
    }

    /** @param status open, claimed or resolved; @param priority urgent, high or normal */
    @Schema(name = "MediationCase")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Case(UUID id, UUID journeyId, String status, String priority, int tier, String pool, double score,
                       int policyVersion, String reasonCode, String procedureId, String stepId, String claimedBy,
                       Instant openedAt, Instant claimedAt, Instant firstContactAt, Instant resolvedAt, String outcome,
                       Instant firstContactDueAt, Instant resolutionDueAt, Instant nextDeadline, int contactAttempts,
                       List<String> requiredSkills, String skillMatch, List<String> missingSkills) {
    }

    @Schema(name = "MediationCaseHistoryLine")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record HistoryLine(Instant at, String action, String actor, String code, String note) {
    }

    @Schema(name = "MediationCaseDetail")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CaseDetail(Case mediationCase, List<HistoryLine> history) {
    }

    /** Why a journey's friction score is what it is: each signal's share. */
    @Schema(name = "FrictionExplanation")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Friction(UUID journeyId, String procedureId, int policyVersion, double score, double threshold,
                           boolean crossed, Instant evaluatedAt, UUID openCaseId, List<Contribution> contributions) {
    }

    /** One signal's share of the score: weight x count used x decay = points. */
    @Schema(name = "FrictionContribution")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Contribution(String sourceId, String kind, String stepId, String channel, Instant occurredAt,
                               double weight, int countUsed, double decay, double points) {
    }

    @Schema(name = "MediationStatistics")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Statistics(Instant since, List<StepFriction> friction, List<Outcomes> outcomes) {
    }

    @Schema(name = "StepFriction")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StepFriction(String procedureId, String stepId, String signal, long count) {
    }

    /** @param outcome an outcome code, or open / claimed for cases still running */
    @Schema(name = "MediationOutcomes")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Outcomes(String pool, String outcome, long cases, Double averageSecondsToFirstContact,
                           Double averageSecondsToResolution) {
    }
}
