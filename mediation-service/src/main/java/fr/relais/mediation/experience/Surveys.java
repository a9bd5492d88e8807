package fr.relais.mediation.experience;

import fr.relais.mediation.persistence.JourneyContextEntity;
import fr.relais.mediation.service.CaseService;
import fr.relais.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Records surveys and agents' flags on a journey, after checking the caller against {@link JourneyAccessRules}. A
 * journey this service has not seen start, and a journey the caller has no reason on, answer the same 404: the
 * difference would tell that a journey exists.
 */
@ApplicationScoped
public class Surveys {

    private static final String INSERT_SURVEY = """
            insert into survey_response (id, journey_id, moment, step_id, channel, easy_to_understand, help_when_needed,
                feeling_compared_to_before, comment, comment_status, redactions, procedure_id, procedure_version, answered_at)
            values (:id, :journey, :moment, :step, :channel, :easy, :help, :feeling, :comment, :status, :redactions,
                :procedure, :version, :at)
            on conflict (journey_id, moment, step_id) do nothing""";
    private static final String INSERT_FLAG = """
            insert into agent_flag (journey_id, procedure_id, step_id, code, role, site, flagged_at)
            values (:journey, :procedure, :step, :code, :role, :site, :at)""";

    @Inject
    ExperienceMetrics metrics;

    @Inject
    Clock clock;

    /**
     * @param open     whether a survey may be answered now: the journey has ended (the end-of-journey survey)
     * @param answered whether the end-of-journey survey was answered already
     */
    public record SurveyState(boolean open, boolean answered) {
    }

    /** @param commentStatus none, or pending (a moderator publishes it) */
    public record Recorded(String commentStatus, int redactions) {
    }

    public record FlagRequest(String code, String stepId) {
    }

    public record Flagged(String code, String stepId) {
    }

    public Uni<SurveyState> state(ExperienceCaller caller, UUID journeyId) {
        return Panache.withSession(() -> visibleJourney(caller, journeyId)
                .flatMap(journey -> Panache.getSession().flatMap(session -> session.createNativeQuery(
                                "select count(*) from survey_response where journey_id = :journey and moment = 'end'", Long.class)
                        .setParameter("journey", journeyId).getSingleResult())
                        .map(count -> new SurveyState(journey.endedAt != null && count == 0, count > 0))));
    }

    public Uni<Recorded> record(ExperienceCaller caller, UUID journeyId, SurveyForm submitted) {
        SurveyForm form = submitted.validated();
        CommentRedaction.Redacted comment = form.comment() == null ? null : CommentRedaction.redact(form.comment());
        boolean hasComment = comment != null && !comment.text().isBlank();
        Instant now = clock.instant();
        return Panache.withTransaction(() -> JourneyContextEntity.<JourneyContextEntity>findById(journeyId)
                .flatMap(journey -> caseInPools(caller, journeyId).map(inPools -> {
                    if (journey == null || journey.startedAt == null
                            || !JourneyAccessRules.mayRecord(caller, form.channel(), journey, inPools)) {
                        if (journey != null && JourneyAccessRules.hasReason(caller, journey, inPools)) {
                            throw ProblemException.forbidden("a " + String.join("/", caller.roles())
                                    + " does not record surveys on the channel " + form.channel());
                        }
                        throw ProblemException.notFound("journey " + journeyId);
                    }
                    if (form.moment().equals("end") && journey.endedAt == null) {
                        throw ProblemException.conflict("journey-not-ended",
                                "the end-of-journey survey opens when the journey has ended");
                    }
                    return journey;
                }))
                .flatMap(journey -> Panache.getSession().flatMap(session -> session.createNativeQuery(INSERT_SURVEY)
                        .setParameter("id", UUID.randomUUID())
                        .setParameter("journey", journeyId)
                        .setParameter("moment", form.moment())
                        .setParameter("step", form.stepId() == null ? "" : form.stepId())
                        .setParameter("channel", form.channel())
                        .setParameter("easy", form.easyToUnderstand())
                        .setParameter("help", form.helpWhenNeeded())
                        .setParameter("feeling", form.feelingComparedToBefore())
                        .setParameter("comment", hasComment ? comment.text() : null)
                        .setParameter("status", hasComment ? "pending" : "none")
                        .setParameter("redactions", comment == null ? 0 : comment.removed())
                        .setParameter("procedure", journey.procedureId)
                        .setParameter("version", journey.procedureVersion)
                        .setParameter("at", now)
                        .executeUpdate())
                        .map(inserted -> {
                            if (inserted == 0) {
                                throw ProblemException.conflict("survey-already-answered",
                                        "this journey's survey was answered already");
                            }
                            return journey.procedureId;
                        })))
                .invoke(procedureId -> metrics.surveyRecorded(procedureId, form.channel(), hasComment))
                .map(ignored -> new Recorded(hasComment ? "pending" : "none", comment == null ? 0 : comment.removed()));
    }

    public Uni<Flagged> flag(ExperienceCaller caller, UUID journeyId, FlagRequest request) {
        if (request == null || request.code() == null) {
            throw ProblemException.invalidField("code", "code is one of the flag codes");
        }
        FlagCode code = FlagCode.fromWire(request.code())
                .orElseThrow(() -> ProblemException.invalidField("code", "unknown flag code: " + abbreviate(request.code())));
        String step = request.stepId() == null || request.stepId().isBlank() ? null : request.stepId().strip();
        if (step != null && (step.length() > 64 || !step.matches("[a-z0-9-]+"))) {
            throw ProblemException.invalidField("stepId", "stepId is a step code (a-z, 0-9, -)");
        }
        String role = JourneyAccessRules.actingRole(caller);
        Instant now = clock.instant();
        return Panache.withTransaction(() -> visibleJourney(caller, journeyId)
                .flatMap(journey -> Panache.getSession().flatMap(session -> session.createNativeQuery(INSERT_FLAG)
                        .setParameter("journey", journeyId)
                        .setParameter("procedure", journey.procedureId)
                        .setParameter("step", step)
                        .setParameter("code", code.wire())
                        .setParameter("role", role)
                        .setParameter("site", caller.site())
                        .setParameter("at", now)
                        .executeUpdate())))
                .invoke(ignored -> metrics.agentFlag(code, role, caller.site()))
                .map(ignored -> new Flagged(code.wire(), step));
    }

    /** The journey, when the caller has a reason on it; 404 otherwise (the same as for an unknown journey). */
    private Uni<JourneyContextEntity> visibleJourney(ExperienceCaller caller, UUID journeyId) {
        return JourneyContextEntity.<JourneyContextEntity>findById(journeyId)
                .flatMap(journey -> caseInPools(caller, journeyId).map(inPools -> {
                    if (journey == null || journey.startedAt == null || !JourneyAccessRules.hasReason(caller, journey, inPools)) {
                        throw ProblemException.notFound("journey " + journeyId);
                    }
                    return journey;
                }));
    }

    private static Uni<Boolean> caseInPools(ExperienceCaller caller, UUID journeyId) {
        return CaseService.journeyVisible(journeyId, caller.pools());
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
