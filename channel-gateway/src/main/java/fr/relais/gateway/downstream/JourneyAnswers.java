package fr.relais.gateway.downstream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What journey-service's query API answers (its {@code api/JourneyViews}), as the gateway reads it: the gateway's own
 * copy, never an import of the service, tolerant of fields it does not know yet. Staff are a role and a site, never a name.
 */
public final class JourneyAnswers {

    private JourneyAnswers() {
    }

    /** One of the citizen's journeys, in the list of hers. */
    @Schema(name = "JourneySummary")
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Summary(UUID id, String procedureId, int procedureVersion, String status, String currentStep,
                          Instant updatedAt, String resumeCode) {
    }

    /** One event of the journey: what, when, on which channel, by which role (and site). */
    @Schema(name = "JourneyTimelineEntry")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TimelineEntry(long sequence, Instant at, String what, String stepId, String channel, String actorRole,
                                String actorSite) {
    }

    /** The channel (and site) the journey waits for. */
    @Schema(name = "JourneyHandoff")
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Handoff(String channel, String site, String reasonCode, Instant requestedAt) {
    }

    /** The agent's claim on the journey; {@code mine} when the caller holds it. */
    @Schema(name = "JourneyClaim")
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Claim(String channel, String site, Instant at, boolean mine) {
    }

    /** A mandate as its citizen sees it: which site or which aidant (by name), until when, whether withdrawn. */
    @Schema(name = "JourneyMandate")
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Mandate(UUID mandateId, String site, Instant expiresAt, boolean revoked, String aidantName) {
    }

    /**
     * One journey as its reader may see it.
     *
     * @param answers       step id -> field -> value, for the citizen and for staff with a reason
     * @param accessReason  why a staff member may read it; absent for the citizen
     * @param mandates      the mandates given on it, for the citizen only
     * @param citizenMayAct the citizen may work on the steps herself now (journey-service's rule, from its state)
     */
    @Schema(name = "JourneyDetail")
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Detail(UUID id, String procedureId, int procedureVersion, String status, String currentStep,
                         List<String> completedSteps, long version, String resumeCode, Handoff handoff, Claim claim,
                         boolean escalated, List<TimelineEntry> timeline, Map<String, Map<String, String>> answers,
                         String accessReason, List<Mandate> mandates, boolean citizenMayAct) {
    }

    /** One staff read or action on the journey, as its citizen sees it. */
    @Schema(name = "JourneyAccessLogEntry")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AccessLogEntry(Instant at, String actorRole, String actorSite, String channel, String action, String reason) {
    }

    /** The journey a resume code and check value found. */
    @Schema(name = "JourneyLookupResult")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LookupResult(UUID journeyId, String procedureId, String status, String currentStep) {
    }

    /** A journey waiting in a desk or phone queue. */
    @Schema(name = "JourneyQueueEntry")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record QueueEntry(UUID journeyId, String procedureId, String currentStep, String reasonCode, Instant waitingSince) {
    }
}
