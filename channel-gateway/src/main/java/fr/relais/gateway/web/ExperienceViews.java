package fr.relais.gateway.web;

import fr.relais.gateway.downstream.BookingAnswers;
import fr.relais.gateway.downstream.ExperienceAnswers;
import fr.relais.gateway.downstream.MediationServiceClient;
import io.quarkus.qute.TemplateData;
import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * What the experience pages show (issue 21), in words: whether a journey's survey is offered, the paths of a procedure
 * compared (a column per path, a row per measure), its steps and those that most often need an agent, the agents'
 * difficulties by site, the comments and the owners' answers; and for ops, the sites' workload and training needs. A
 * cell mediation-service hid (fewer journeys than its minimum) says so in words, never by a colour.
 */
final class ExperienceViews {

    /** The statuses at which a journey is over, and so its end-of-journey survey may be open. */
    static final Set<String> OVER = Set.of("COMPLETED", "ABANDONED", "CANCELLED");

    static final String MASKED = "masqué";
    static final String NONE = "—";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private ExperienceViews() {
    }

    /** The survey as a page shows it: offered (the form), already answered (a note), or neither (nothing at all). */
    @TemplateData
    public record SurveyOffer(boolean offered, boolean answered) {
        static final SurveyOffer NOTHING = new SurveyOffer(false, false);
    }

    /**
     * Whether the journey's end-of-journey survey is to be offered: only once the journey is over, and only when
     * mediation-service says it is open and not answered. Asked with the caller's token; when mediation-service cannot
     * say (down, refused), nothing is offered and the page renders all the same.
     */
    static Uni<SurveyOffer> surveyOf(MediationServiceClient mediation, UUID journeyId, String status) {
        if (!OVER.contains(Wording.text(status))) {
            return Uni.createFrom().item(SurveyOffer.NOTHING);
        }
        return mediation.surveyState(journeyId).map(ExperienceViews::offer).onFailure().recoverWithItem(SurveyOffer.NOTHING);
    }

    static SurveyOffer offer(ExperienceAnswers.SurveyState state) {
        if (state == null) {
            return SurveyOffer.NOTHING;
        }
        return new SurveyOffer(state.open() && !state.answered(), state.answered());
    }

    /** One measure compared across the paths: its words, then a cell per path. */
    @TemplateData
    public record MeasureRow(String label, List<String> cells) {
    }

    /**
     * The per-path comparison: a column per path shown, a row per measure; {@code hiddenNote} says how many paths were
     * left out and why, {@code maskedNote} what a "masqué" cell means.
     */
    @TemplateData
    public record PathTable(String id, String caption, List<String> paths, List<MeasureRow> rows, String hiddenNote,
                            String maskedNote, boolean empty) {
    }

    /** A measure: its words, and how one path's row gives its cell. */
    private record Measure(String label, Function<ExperienceAnswers.PathRow, String> cell) {
    }

    /** The measures compared, in the order a reader follows a journey: how many, how long, how hard, how it felt. */
    private static List<Measure> measures(int k) {
        return List.of(
                new Measure("Parcours", row -> String.valueOf(row.journeys())),
                new Measure("Terminés", row -> String.valueOf(row.completed())),
                new Measure("Abandonnés", row -> String.valueOf(row.abandoned())),
                new Measure("Durée médiane pour terminer", row -> masked(row.medianMinutesToComplete(), row.completed(), k,
                        ExperienceViews::duration)),
                new Measure("Temps passé à agir (moyenne)", row -> orNone(row.activeMinutes(), ExperienceViews::duration)),
                new Measure("Temps passé à attendre (moyenne)", row -> orNone(row.waitingMinutes(), ExperienceViews::duration)),
                new Measure("Déplacements au guichet (moyenne)", row -> orNone(row.deskTrips(), Vocabulary::figure)),
                new Measure("Changements de canal (moyenne)", row -> orNone(row.channelSwitches(), Vocabulary::figure)),
                new Measure("Erreurs de saisie (moyenne)", row -> orNone(row.errors(), Vocabulary::figure)),
                new Measure("Demandes d'aide (moyenne)", row -> orNone(row.helpRequests(), Vocabulary::figure)),
                new Measure("Confiés à un médiateur", row -> String.valueOf(row.escalations())),
                new Measure("Renvoyés d'un canal à l'autre", row -> String.valueOf(row.bounced())),
                new Measure("Questionnaires reçus", row -> String.valueOf(row.surveys())),
                new Measure("« Facile à comprendre » (sur 5)", row -> masked(row.easyToUnderstand(), row.surveys(), k, Vocabulary::figure)),
                new Measure("« Aide trouvée quand il le fallait » (sur 5)", row -> masked(row.helpWhenNeeded(), row.surveys(), k, Vocabulary::figure)),
                new Measure("« Se sent mieux qu'avant » (sur 5)", row -> masked(row.feelingComparedToBefore(), row.surveys(), k, Vocabulary::figure)));
    }

    /** The paths of one procedure compared; {@code id} makes the table's ids unique on a page with several. */
    static PathTable pathTable(String id, String procedureTitle, List<ExperienceAnswers.PathRow> rows, int hiddenPaths, int k) {
        List<ExperienceAnswers.PathRow> shown = rows == null ? List.of() : rows;
        List<MeasureRow> measures = new ArrayList<>();
        for (Measure measure : measures(k)) {
            measures.add(new MeasureRow(measure.label(), shown.stream().map(measure.cell()).toList()));
        }
        String hidden = hiddenPaths <= 0 ? null
                : hiddenPaths + (hiddenPaths == 1 ? " parcours type non affiché" : " parcours types non affichés") + " : moins de "
                + k + " parcours : masqué pour protéger l'anonymat.";
        return new PathTable(id, "Comparaison des parcours : " + procedureTitle, shown.stream().map(r -> Vocabulary.journeyPath(r.path())).toList(),
                measures, hidden, "« " + MASKED + " » : moins de " + k + " parcours : masqué pour protéger l'anonymat. « " + NONE
                + " » : rien de mesuré.", shown.isEmpty());
    }

    /**
     * One step of the procedure, per version: its friction, what agents flagged on it, and how many journeys had it done
     * with an agent (at a desk or on the phone).
     */
    @TemplateData
    public record StepLine(String version, String step, int journeys, int errors, int helpRequests, int abandonments, int agentFlags,
                           long withAgent) {
    }

    static List<StepLine> steps(List<ExperienceAnswers.StepRow> rows, Function<String, String> stepTitle) {
        return rows.stream().map(s -> new StepLine("v" + s.procedureVersion(), stepTitle.apply(s.stepId()), s.journeys(), s.errors(),
                s.helpRequests(), s.abandonments(), s.agentFlags(), s.withAgent())).toList();
    }

    /** How many steps "Les étapes qui demandent le plus souvent un agent" names. */
    static final int TOP_AGENT_STEPS = 3;

    /** A step that often needs an agent: its title (and version, when the rows span several) and the share, "42 %". */
    @TemplateData
    public record AgentStep(String step, String share) {
    }

    /**
     * The steps whose journeys most often had them done with an agent, the highest share of the step's journeys first
     * (then the most journeys with an agent), at most {@link #TOP_AGENT_STEPS}; a step never done with an agent is not
     * one of them, so the list is empty when no step was.
     */
    static List<AgentStep> agentSteps(List<ExperienceAnswers.StepRow> rows, Function<String, String> stepTitle) {
        boolean versions = rows.stream().map(ExperienceAnswers.StepRow::procedureVersion).distinct().count() > 1;
        Comparator<ExperienceAnswers.StepRow> byShare = Comparator.comparingDouble(r -> (double) r.withAgent() / r.journeys());
        return rows.stream().filter(r -> r.journeys() > 0 && r.withAgent() > 0)
                .sorted(byShare.reversed().thenComparing(Comparator.comparingLong(ExperienceAnswers.StepRow::withAgent).reversed()))
                .limit(TOP_AGENT_STEPS)
                .map(r -> new AgentStep(stepTitle.apply(r.stepId()) + (versions ? " (version " + r.procedureVersion() + ")" : ""),
                        percent(r.withAgent(), r.journeys())))
                .toList();
    }

    /** A share as a whole percentage, French style: 21 of 50 reads "42 %". */
    static String percent(long part, long whole) {
        return whole <= 0 ? NONE : Math.round(100.0 * part / whole) + " %";
    }

    @TemplateData
    public record FlagLine(String site, String difficulty, int count) {
    }

    static List<FlagLine> flags(List<ExperienceAnswers.FlagCount> rows, Map<String, String> siteNames) {
        return rows.stream().map(f -> new FlagLine(siteNames.getOrDefault(Wording.text(f.site()), Wording.text(f.site())),
                Vocabulary.agentFlag(f.code()), f.count())).toList();
    }

    /** The sites' names by id, from appointment-service's list (a site without a name keeps its id). */
    static Map<String, String> siteNames(List<BookingAnswers.Site> sites) {
        Map<String, String> names = new LinkedHashMap<>();
        sites.stream().filter(s -> s.id() != null).forEach(s -> names.put(s.id(), Objects.requireNonNullElse(s.name(), s.id())));
        return names;
    }

    /** A training need of a site: its words, and how many times agents flagged the difficulty behind it. */
    @TemplateData
    public record NeedLine(String label, String flagged) {
    }

    /**
     * One site's workload as the operations page shows it: {@code id} makes its ids unique on the page; the decimals
     * French style ("12,5"), "—" where nothing was measured; its training needs, most flagged first.
     */
    @TemplateData
    public record SiteLine(String id, String name, long journeysHandled, long claims, long agentHours, String claimsPerAgentHour,
                           String meanHandoffWaitMinutes, List<NeedLine> needs) {
    }

    static List<SiteLine> sites(List<ExperienceAnswers.SiteRow> rows, Map<String, String> siteNames) {
        List<SiteLine> lines = new ArrayList<>();
        for (ExperienceAnswers.SiteRow row : rows) {
            String site = Wording.text(row.site());
            lines.add(new SiteLine("lieu-" + (lines.size() + 1), siteNames.getOrDefault(site, site), row.journeysHandled(), row.claims(),
                    row.agentHours(), orNone(row.claimsPerAgentHour(), Vocabulary::figure),
                    orNone(row.meanHandoffWaitMinutes(), Vocabulary::figure), needs(row)));
        }
        return lines;
    }

    /**
     * A site's training needs: mediation-service's codes in its order (most frequent first), in words, each with the
     * count of the site's flags behind it; two codes read the same way are one need.
     */
    static List<NeedLine> needs(ExperienceAnswers.SiteRow row) {
        Map<String, Long> needs = new LinkedHashMap<>();
        for (String code : row.trainingNeeds()) {
            long flagged = row.flags().stream().filter(f -> code.equals(f.code())).mapToLong(ExperienceAnswers.FlagCount::count).sum();
            needs.merge(Vocabulary.trainingNeed(code), flagged, Long::sum);
        }
        return needs.entrySet().stream().map(need -> new NeedLine(need.getKey(), need.getValue() <= 0 ? null
                : need.getValue() + (need.getValue() == 1 ? " signalement" : " signalements"))).toList();
    }

    /** How many sites were left out and why; null when none was. */
    static String hiddenSites(int hidden, int k) {
        return hidden <= 0 ? null : hidden + (hidden == 1 ? " lieu non affiché" : " lieux non affichés") + " : moins de " + k
                + " parcours : masqué pour protéger l'anonymat.";
    }

    /**
     * A citizen's comment as shown: when, about which step, its text (personal data already removed by
     * mediation-service), and how many pieces of personal data were removed.
     */
    @TemplateData
    public record CommentLine(String id, String receivedOn, String step, String text, String redactions) {
    }

    static List<CommentLine> comments(List<ExperienceAnswers.Comment> comments, String status, Function<String, String> stepTitle) {
        return comments.stream().filter(c -> status.equals(c.status()))
                .map(c -> new CommentLine(Wording.text(c.id()), day(c.receivedOn()), c.stepId() == null ? null : stepTitle.apply(c.stepId()),
                        Wording.text(c.text()), redactions(c.redactions()))).toList();
    }

    static List<CommentLine> publicComments(List<ExperienceAnswers.PublicComment> comments) {
        return comments.stream().map(c -> new CommentLine(null, day(c.receivedOn()), c.stepId() == null ? null : humanise(c.stepId()),
                Wording.text(c.text()), null)).toList();
    }

    /** An owner's public answer: when, the text, and the version of the procedure that changed after it. */
    @TemplateData
    public record AnswerLine(String answeredOn, String text, String change) {
    }

    static List<AnswerLine> answers(List<ExperienceAnswers.Answer> answers) {
        return answers.stream().map(a -> new AnswerLine(day(a.answeredOn()), Wording.text(a.text()),
                a.changedInVersion() == null ? null : "Pris en compte dans la version " + a.changedInVersion() + " de la démarche.")).toList();
    }

    /** The start of the period, "12 mars 2026", from a date or an instant; "" when absent or unreadable. */
    static String since(String since) {
        if (since == null || since.isBlank()) {
            return "";
        }
        try {
            return DAY.format(LocalDate.parse(since));
        } catch (DateTimeParseException notADate) {
            try {
                return DAY.format(OffsetDateTime.parse(since).atZoneSameInstant(PARIS));
            } catch (DateTimeParseException notAnInstant) {
                try {
                    return DAY.format(Instant.parse(since).atZone(PARIS));
                } catch (DateTimeParseException unreadable) {
                    return "";
                }
            }
        }
    }

    static String day(LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }

    /** A procedure's or step's id when no title is known: "aide-logement" reads "Aide logement". */
    static String humanise(String id) {
        String words = Wording.text(id).replace('-', ' ').replace('_', ' ').strip();
        return words.isEmpty() ? "" : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** Minutes as a person reads them: "45 min", "3 h 20", "2,5 jours". */
    static String duration(double minutes) {
        if (minutes < 60) {
            return Math.round(minutes) + " min";
        }
        if (minutes < 48 * 60) {
            long total = Math.round(minutes);
            long m = total % 60;
            return total / 60 + " h" + (m == 0 ? "" : " " + (m < 10 ? "0" : "") + m);
        }
        return Vocabulary.figure(minutes / (24 * 60)) + " jours";
    }

    private static String redactions(int count) {
        if (count <= 0) {
            return null;
        }
        return count == 1 ? "1 donnée personnelle retirée" : count + " données personnelles retirées";
    }

    private static String orNone(Double value, Function<Double, String> format) {
        return value == null ? NONE : format.apply(value);
    }

    /** A value mediation-service left out because too few journeys (or answers) are behind it: "masqué", in words. */
    private static String masked(Double value, int behind, int k, Function<Double, String> format) {
        if (value != null) {
            return format.apply(value);
        }
        return behind > 0 && behind < k ? MASKED : NONE;
    }
}
