package fr.relais.journey.service;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the query API answers. Staff names never appear: actors are a role and a site. */
public final class JourneyViews {

    private JourneyViews() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Summary(UUID id, String procedureId, int procedureVersion, String status, String currentStep,
                          Instant updatedAt, String resumeCode) {
    }

    public record TimelineEntry(long sequence, Instant at, String what, String stepId, String channel, String actorRole,
                                String actorSite) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Handoff(String channel, String site, String reasonCode, Instant requestedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Claim(String channel, String site, Instant at, boolean mine) {
    }

    /**
     * @param answers      step id -> field -> value, for the citizen and for staff with a reason
     * @param accessReason why a staff member may read this journey; null for the citizen
     * @param mandates     the mandates given on this journey, for the citizen only (so they can withdraw them)
     * @param citizenMayAct the citizen may work on the steps herself now (portal): open, no agent on it, no handoff waiting
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Detail(UUID id, String procedureId, int procedureVersion, String status, String currentStep,
                         List<String> completedSteps, long version, String resumeCode, Handoff handoff, Claim claim,
                         boolean escalated, List<TimelineEntry> timeline, Map<String, Map<String, String>> answers,
                         String accessReason, List<MandateView> mandates, boolean citizenMayAct) {
    }

    /** A mandate as its citizen sees it: which site or which aidant (by name), until when, whether withdrawn. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MandateView(UUID mandateId, String site, Instant expiresAt, boolean revoked, String aidantName) {
    }

    public record AccessLogEntry(Instant at, String actorRole, String actorSite, String channel, String action, String reason) {
    }

    /** @param checkValue the citizen's full birth date: {@code 1984-03-12} or {@code 12/03/1984} (see CheckValues) */
    public record LookupRequest(String resumeCode, String checkValue) {
    }

    public record LookupResult(UUID journeyId, String procedureId, String status, String currentStep) {
    }

    public record QueueEntry(UUID journeyId, String procedureId, String currentStep, String reasonCode, Instant waitingSince) {
    }
}
