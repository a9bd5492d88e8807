package fr.relais.gateway.downstream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What mediation-service's experience API answers and is sent (issue 21): the end-of-journey survey, the agents'
 * difficulty flags, a procedure's aggregates for its owners, the sites' workload for ops, the public transparency
 * aggregates. The gateway's own copy, tolerant of fields it does not know yet; absent lists read as empty. Aggregates
 * only: no person, no journey id, and comments only as mediation-service moderated and redacted them. Not part of the
 * gateway's own API: only its pages show them, so they carry no OpenAPI schema.
 */
public final class ExperienceAnswers {

    private ExperienceAnswers() {
    }

    /** Whether the journey's survey may be answered now ({@code open}) and whether it already was. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SurveyState(boolean open, boolean answered) {
    }

    /**
     * The three answers on a 1–5 scale (each optional) and the optional free comment.
     *
     * @param channel web, desk or phone: where the citizen answered
     * @param moment  end (the survey at the end of a journey)
     */
    public record Survey(String channel, String moment, String stepId, Integer easyToUnderstand, Integer helpWhenNeeded,
                         Integer feelingComparedToBefore, String comment) {
    }

    /** @param commentStatus none (no comment) or pending (waiting for moderation); @param redactions personal data removed */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SurveyRecorded(String commentStatus, int redactions) {
    }

    /** An agent's difficulty on a journey: a code of mediation-service's closed list, on a step or on the whole journey. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Flag(String code, String stepId) {
    }

    /** A procedure's experience over the period, for its owners and ops: every cell under minCellSize journeys hidden. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProcedureExperience(String procedureId, String since, int minCellSize, List<PathRow> paths, int hiddenPaths,
                                      List<StepRow> steps, List<FlagCount> flags, List<Comment> comments, List<Answer> answers) {
        public ProcedureExperience {
            paths = paths == null ? List.of() : List.copyOf(paths);
            steps = steps == null ? List.of() : List.copyOf(steps);
            flags = flags == null ? List.of() : List.copyOf(flags);
            comments = comments == null ? List.of() : List.copyOf(comments);
            answers = answers == null ? List.of() : List.copyOf(answers);
        }
    }

    /**
     * One path's journeys (web, desk, phone, their combinations, or mediator) compared: counts, and averages per journey
     * where a number (minutes, trips, switches, errors, help requests, survey scores); null where nothing was measured.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PathRow(String path, int journeys, int completed, int abandoned, Double medianMinutesToComplete,
                          Double activeMinutes, Double waitingMinutes, Double deskTrips, Double channelSwitches, Double errors,
                          Double helpRequests, int escalations, int bounced, int surveys, Double easyToUnderstand,
                          Double helpWhenNeeded, Double feelingComparedToBefore) {
    }

    /** @param withAgent journeys whose step was completed by an agent, at a desk or on the phone */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StepRow(int procedureVersion, String stepId, int journeys, int errors, int helpRequests, int abandonments,
                          int agentFlags, long withAgent) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FlagCount(String site, String code, int count) {
    }

    /**
     * The agents' side per site over the period, for ops and admin (mediation-service answers 403 to anyone else): every
     * site that handled fewer than minCellSize journeys hidden, and counted in {@code hiddenSites}.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SiteWorkload(String since, int minCellSize, int hiddenSites, List<SiteRow> sites) {
        public SiteWorkload {
            sites = sites == null ? List.of() : List.copyOf(sites);
        }
    }

    /**
     * One site's workload: journeys handled (claimed there), claims, agent-hours (hours in which an agent of the site
     * claimed at least one journey), claims per agent-hour and the mean wait from a hand-off to the site until a claim,
     * in minutes (null when nothing was measured); what its agents flagged, and the flag codes as training needs, most
     * frequent first.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SiteRow(String site, long journeysHandled, long claims, long agentHours, Double claimsPerAgentHour,
                          Double meanHandoffWaitMinutes, List<FlagCount> flags, List<String> trainingNeeds) {
        public SiteRow {
            flags = flags == null ? List.of() : List.copyOf(flags);
            trainingNeeds = trainingNeeds == null ? List.of() : trainingNeeds.stream().filter(java.util.Objects::nonNull).toList();
        }
    }

    /** A citizen's comment as mediation-service keeps it: personal data already removed ({@code redactions}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Comment(UUID id, String text, String status, int redactions, LocalDate receivedOn, String stepId) {
    }

    /** An owner's public answer, possibly tied to the procedure version that changed after it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Answer(UUID id, String procedureId, String text, Integer changedInVersion, LocalDate answeredOn) {
    }

    /** @param decision publish or reject */
    public record Moderation(String decision) {
    }

    public record AnswerDraft(String text, Integer changedInVersion) {
    }

    /** What anyone may read: per procedure, the paths compared, the published comments and the owners' answers. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Transparency(String since, int minCellSize, List<PublicProcedure> procedures) {
        public Transparency {
            procedures = procedures == null ? List.of() : List.copyOf(procedures);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PublicProcedure(String procedureId, List<PathRow> paths, int hiddenPaths, List<PublicComment> comments,
                                  List<Answer> answers) {
        public PublicProcedure {
            paths = paths == null ? List.of() : List.copyOf(paths);
            comments = comments == null ? List.of() : List.copyOf(comments);
            answers = answers == null ? List.of() : List.copyOf(answers);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PublicComment(String text, LocalDate receivedOn, String stepId) {
    }
}
