package fr.relais.mediation.experience;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a procedure's owner sees: the path comparison, where on which step and version citizens struggle, what agents
 * flagged by site, citizens' comments (to moderate, then published) and the owner's answers. Every count of journeys
 * under k is hidden ({@link Anonymity}).
 */
@ApplicationScoped
public class ProcedureExperience {

    private static final String PER_STEP = """
            select j.procedure_version, s.step_id, count(distinct s.journey_id),
                   coalesce(sum(s.count) filter (where s.kind in ('validation-error', 'identity-check-failed')), 0),
                   coalesce(sum(s.count) filter (where s.kind = 'help-requested'), 0),
                   count(distinct s.journey_id) filter (where s.kind = 'session-abandoned'),
                   count(distinct s.journey_id) filter (where s.kind = 'step-completed' and s.channel in ('desk', 'phone'))
            from signal s join journey_context j on j.journey_id = s.journey_id
            where j.procedure_id = :procedure and j.started_at >= :since and s.step_id is not null
            group by 1, 2 order by 1, 2""";
    private static final String FLAGS_PER_STEP = """
            select coalesce(step_id, ''), count(*) from agent_flag
            where procedure_id = :procedure and flagged_at >= :since group by 1""";
    private static final String FLAGS_PER_SITE = """
            select coalesce(site, ''), code, count(*), count(distinct journey_id) from agent_flag
            where procedure_id = :procedure and flagged_at >= :since group by 1, 2 order by 3 desc, 1, 2""";

    @Inject
    PathStatistics paths;

    @Inject
    Anonymity anonymity;

    @Inject
    Dialogue dialogue;

    /** @param withAgent journeys whose step was completed by an agent, at a desk or on the phone */
    public record StepRow(Integer procedureVersion, String stepId, long journeys, long errors, long helpRequests,
                          long abandonments, long agentFlags, long withAgent) {
    }

    /** @param count flags; the cell is shown when they concern at least k journeys */
    public record FlagRow(String site, String code, long count) {
    }

    public record View(String procedureId, Instant since, int minCellSize, List<PathRow> paths, int hiddenPaths,
                       List<StepRow> steps, int hiddenSteps, List<FlagRow> flags, int hiddenFlags,
                       List<Dialogue.Comment> comments, List<Dialogue.Answer> answers) {
    }

    public Uni<View> view(String procedureId, Instant since, Instant until) {
        return paths.rows(procedureId, since, until).flatMap(pathRows -> steps(procedureId, since).flatMap(stepRows ->
                flags(procedureId, since).flatMap(flagRows -> dialogue.comments(procedureId, since).flatMap(comments ->
                        dialogue.answers(procedureId).map(answers -> {
                            Anonymity.Visible<PathRow> shownPaths = anonymity.filter(pathRows, PathRow::journeys);
                            Anonymity.Visible<StepRow> shownSteps = anonymity.filter(stepRows, StepRow::journeys);
                            Anonymity.Visible<Object[]> shownFlags = anonymity.filter(flagRows, r -> ((Number) r[3]).longValue());
                            return new View(procedureId, since, anonymity.minCellSize(), shownPaths.rows(), shownPaths.hidden(),
                                    shownSteps.rows(), shownSteps.hidden(),
                                    shownFlags.rows().stream().map(r -> new FlagRow(blankAsNull(r[0]), (String) r[1],
                                            ((Number) r[2]).longValue())).toList(), shownFlags.hidden(), comments, answers);
                        })))));
    }

    private Uni<List<StepRow>> steps(String procedureId, Instant since) {
        return query(PER_STEP, procedureId, since).flatMap(rows -> query(FLAGS_PER_STEP, procedureId, since).map(flags -> {
            Map<String, Long> flagged = flags.stream().collect(Collectors.toMap(r -> (String) r[0], r -> ((Number) r[1]).longValue()));
            return rows.stream().map(r -> new StepRow(r[0] == null ? null : ((Number) r[0]).intValue(), (String) r[1],
                    number(r[2]), number(r[3]), number(r[4]), number(r[5]), flagged.getOrDefault((String) r[1], 0L), number(r[6])))
                    .toList();
        }));
    }

    private Uni<List<Object[]>> flags(String procedureId, Instant since) {
        return query(FLAGS_PER_SITE, procedureId, since);
    }

    private static Uni<List<Object[]>> query(String sql, String procedureId, Instant since) {
        return Panache.withSession(() -> Panache.getSession().flatMap(session -> session.createNativeQuery(sql, Object[].class)
                .setParameter("procedure", procedureId).setParameter("since", since).getResultList()));
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static String blankAsNull(Object value) {
        return value == null || value.toString().isEmpty() ? null : value.toString();
    }

    static <T> Map<String, List<T>> byProcedure(List<T> rows, Function<T, String> procedure) {
        return rows.stream().collect(Collectors.groupingBy(procedure, java.util.TreeMap::new, Collectors.toList()));
    }
}
