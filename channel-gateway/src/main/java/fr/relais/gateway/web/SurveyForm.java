package fr.relais.gateway.web;

import fr.relais.gateway.api.Requests;
import fr.relais.gateway.downstream.ExperienceAnswers;
import fr.relais.gateway.downstream.MediationServiceClient;
import io.quarkus.qute.TemplateData;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.MultivaluedMap;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The end-of-journey survey (issue 21) as the portal shows it and as an agent records it at the desk or on the phone:
 * three questions on a 1–5 scale, each optional, and one optional comment; and the agents' "Signaler une difficulté".
 * Read from the posted forms into what mediation-service takes; nothing else of the form travels.
 */
final class SurveyForm {

    /** The channels mediation-service knows a survey by. */
    static final String PORTAL = "portal";
    static final String DESK = "desk";
    static final String PHONE = "phone";

    /** A free comment's limit, as mediation-service sets it. */
    static final int COMMENT_MAX = 1000;

    static final String COMMENT_HINT = "N'indiquez ni nom, ni téléphone, ni adresse : ils seraient retirés.";

    /** The same for an agent who writes down what the citizen says. */
    static final String AGENT_COMMENT_HINT = "Ne notez ni nom, ni téléphone, ni adresse : ils seraient retirés.";

    /** One point of a scale: the value sent ("" for no answer) and its words. */
    @TemplateData
    public record Point(String value, String label, boolean none) {
    }

    /** One question: the form field, the question as it is asked, the scale. */
    @TemplateData
    public record Question(String name, String text, List<Point> scale) {
    }

    /** One difficulty an agent may flag: its code and words. */
    @TemplateData
    public record FlagChoice(String code, String label) {
    }

    static final List<Question> QUESTIONS = List.of(
            new Question("easyToUnderstand", "Était-ce facile à comprendre ?",
                    scale("pas du tout", "plutôt pas", "moyennement", "plutôt oui", "tout à fait")),
            new Question("helpWhenNeeded", "Avez-vous trouvé de l'aide quand vous en aviez besoin ?",
                    scale("pas du tout", "plutôt pas", "moyennement", "plutôt oui", "tout à fait")),
            new Question("feelingComparedToBefore", "Comment vous sentez-vous maintenant par rapport à avant ?",
                    scale("beaucoup moins bien", "un peu moins bien", "pareil", "un peu mieux", "beaucoup mieux")));

    static final List<FlagChoice> FLAGS = Vocabulary.AGENT_FLAGS.entrySet().stream()
            .map(e -> new FlagChoice(e.getKey(), e.getValue())).toList();

    private SurveyForm() {
    }

    /**
     * The survey posted on {@code channel}, at the end of the journey; empty when a score is not 1 to 5 or the comment
     * is longer than {@link #COMMENT_MAX} (a form the page did not offer). Blank answers are no answer.
     */
    static Optional<ExperienceAnswers.Survey> read(MultivaluedMap<String, String> form, String channel) {
        Integer[] scores = new Integer[QUESTIONS.size()];
        for (int i = 0; i < scores.length; i++) {
            String raw = Wording.text(form.getFirst(QUESTIONS.get(i).name())).strip();
            if (raw.isEmpty()) {
                continue;
            }
            if (!raw.matches("[1-5]")) {
                return Optional.empty();
            }
            scores[i] = Integer.parseInt(raw);
        }
        String comment = Wording.text(form.getFirst("comment")).strip();
        if (comment.codePointCount(0, comment.length()) > COMMENT_MAX) {
            return Optional.empty();
        }
        return Optional.of(new ExperienceAnswers.Survey(channel, "end", null, scores[0], scores[1], scores[2],
                comment.isEmpty() ? null : comment));
    }

    /** Whether nothing was answered: no score, no comment (then nothing is sent). */
    static boolean isEmpty(ExperienceAnswers.Survey survey) {
        return survey.easyToUnderstand() == null && survey.helpWhenNeeded() == null && survey.feelingComparedToBefore() == null
                && survey.comment() == null;
    }

    /** The difficulty chosen, on the step chosen (none: the whole journey); empty when no known difficulty was chosen. */
    static Optional<ExperienceAnswers.Flag> flag(String code, String stepId) {
        if (code == null || !Vocabulary.AGENT_FLAGS.containsKey(code)) {
            return Optional.empty();
        }
        String step = stepId == null || stepId.isBlank() || !Requests.isStepId(stepId.strip()) ? null : stepId.strip();
        return Optional.of(new ExperienceAnswers.Flag(code, step));
    }

    /**
     * Sends the survey posted on {@code channel} with the caller's token; completes with the message code to redirect
     * with (thanks, or what went wrong), never with a failure. Nothing is sent when nothing was answered.
     */
    /** The citizen's channel for her survey: the message she came from (sms, email), otherwise the portal. */
    static String citizenChannel(String via) {
        return "sms".equals(via) || "email".equals(via) ? via : PORTAL;
    }

    static Uni<String> send(MediationServiceClient mediation, UUID journeyId, MultivaluedMap<String, String> form, String channel) {
        return read(form, channel)
                .map(answers -> isEmpty(answers) ? Uni.createFrom().item(ExperienceMessages.SURVEY_EMPTY)
                        : mediation.answerSurvey(journeyId, answers).map(ExperienceMessages::recorded)
                        .onFailure().recoverWithItem(ExperienceMessages::surveyFailure))
                .orElseGet(() -> Uni.createFrom().item(ExperienceMessages.SURVEY_INVALID));
    }

    /** Sends an agent's difficulty with her token; completes with the message code to redirect with, never with a failure. */
    static Uni<String> sendFlag(MediationServiceClient mediation, UUID journeyId, String code, String stepId) {
        return flag(code, stepId)
                .map(flag -> mediation.flag(journeyId, flag).map(recorded -> ExperienceMessages.FLAG_SENT)
                        .onFailure().recoverWithItem(ExperienceMessages::flagFailure))
                .orElseGet(() -> Uni.createFrom().item(ExperienceMessages.FLAG_MISSING));
    }

    /** "Sans réponse" first (checked), then 1 to 5, each with its words: "1 – pas du tout". */
    private static List<Point> scale(String... words) {
        List<Point> points = new ArrayList<>();
        points.add(new Point("", "Sans réponse", true));
        for (int i = 0; i < words.length; i++) {
            points.add(new Point(String.valueOf(i + 1), (i + 1) + " – " + words[i], false));
        }
        return List.copyOf(points);
    }
}
