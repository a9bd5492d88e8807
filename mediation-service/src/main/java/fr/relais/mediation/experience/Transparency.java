package fr.relais.mediation.experience;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What Relais publishes to everyone: per procedure, the path comparison (cells under k hidden), the comments a
 * moderator published and the owners' answers; and the open data, the same rows up to the end of yesterday (Paris), so
 * the file changes once a day.
 */
@ApplicationScoped
public class Transparency {

    @Inject
    PathStatistics paths;

    @Inject
    Anonymity anonymity;

    @Inject
    Dialogue dialogue;

    @Inject
    Clock clock;

    public record ProcedureSummary(String procedureId, List<PathRow> paths, int hiddenPaths,
                                   List<Dialogue.PublicComment> comments, List<Dialogue.Answer> answers) {
    }

    public record Published(Instant since, int minCellSize, List<ProcedureSummary> procedures) {
    }

    /** @param until the open data covers journeys started before this instant (midnight, Paris, today) */
    public record OpenData(LocalDate publishedOn, Instant since, Instant until, int minCellSize, List<PathRow> rows) {
    }

    public Uni<Published> published(Instant since) {
        return paths.rows("", since, clock.instant()).flatMap(rows -> dialogue.answers("").flatMap(answers -> {
            Map<String, List<PathRow>> perProcedure = ProcedureExperience.byProcedure(rows, PathRow::procedureId);
            Map<String, List<Dialogue.Answer>> answered = ProcedureExperience.byProcedure(answers, Dialogue.Answer::procedureId);
            TreeSet<String> procedures = new TreeSet<>(perProcedure.keySet());
            procedures.addAll(answered.keySet());
            Uni<List<ProcedureSummary>> summaries = Uni.createFrom().item(new ArrayList<>());
            for (String procedure : procedures) {
                summaries = summaries.flatMap(list -> dialogue.published(procedure, since).map(comments -> {
                    Anonymity.Visible<PathRow> shown = anonymity.filter(perProcedure.getOrDefault(procedure, List.of()),
                            PathRow::journeys);
                    list.add(new ProcedureSummary(procedure, shown.rows(), shown.hidden(), comments,
                            answered.getOrDefault(procedure, List.of())));
                    return list;
                }));
            }
            return summaries.map(list -> new Published(since, anonymity.minCellSize(), List.copyOf(list)));
        }));
    }

    public Uni<OpenData> openData(int days) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), Dialogue.PARIS);
        Instant until = today.atStartOfDay(Dialogue.PARIS).toInstant();
        Instant since = today.minusDays(days).atStartOfDay(Dialogue.PARIS).toInstant();
        return paths.rows("", since, until).map(rows -> new OpenData(today, since, until, anonymity.minCellSize(),
                anonymity.filter(rows, PathRow::journeys).rows()));
    }

    public static String csv(OpenData data) {
        StringBuilder out = new StringBuilder(PathRow.CSV_HEADER).append('\n');
        data.rows().forEach(row -> out.append(row.csv()).append('\n'));
        return out.toString();
    }
}
