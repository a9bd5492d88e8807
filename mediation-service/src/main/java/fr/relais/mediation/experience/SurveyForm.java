package fr.relais.mediation.experience;

import fr.relais.problem.ProblemException;

import java.util.List;

/**
 * A survey as a channel sends it: three questions on a 1–5 scale, each skippable, and an optional comment.
 *
 * @param channel                 portal (the citizen), desk or phone (the agent records what the citizen said), sms or
 *                                email (a link in a notification)
 * @param moment                  {@code end} of the journey, or {@code step} after a hard step (then stepId)
 * @param easyToUnderstand        "Était-ce facile à comprendre ?"
 * @param helpWhenNeeded          "Avez-vous trouvé de l'aide quand vous en aviez besoin ?"
 * @param feelingComparedToBefore "Comment vous sentez-vous maintenant par rapport à avant ?"
 */
public record SurveyForm(String channel, String moment, String stepId, Integer easyToUnderstand, Integer helpWhenNeeded,
                         Integer feelingComparedToBefore, String comment) {

    public static final List<String> CHANNELS = List.of("portal", "desk", "phone", "sms", "email");
    public static final int MAX_COMMENT = 1000;
    private static final int MAX_STEP = 64;

    /** The form with blanks read as absent; a 400 naming the field for anything out of range. */
    public SurveyForm validated() {
        if (channel == null || !CHANNELS.contains(channel)) {
            throw ProblemException.invalidField("channel", "channel must be one of " + CHANNELS);
        }
        String when = moment == null ? "end" : moment;
        if (!when.equals("end") && !when.equals("step")) {
            throw ProblemException.invalidField("moment", "moment must be end or step");
        }
        String step = stepId == null || stepId.isBlank() ? null : stepId.strip();
        if (when.equals("step") && step == null) {
            throw ProblemException.invalidField("stepId", "a survey after a step names the step");
        }
        if (step != null && (step.length() > MAX_STEP || !step.matches("[a-z0-9-]+"))) {
            throw ProblemException.invalidField("stepId", "stepId is a step code (a-z, 0-9, -)");
        }
        score("easyToUnderstand", easyToUnderstand);
        score("helpWhenNeeded", helpWhenNeeded);
        score("feelingComparedToBefore", feelingComparedToBefore);
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text != null && text.length() > MAX_COMMENT) {
            throw ProblemException.invalidField("comment", "a comment has at most " + MAX_COMMENT + " characters");
        }
        if (easyToUnderstand == null && helpWhenNeeded == null && feelingComparedToBefore == null && text == null) {
            throw ProblemException.badRequest("invalid-survey", "an empty survey is a skipped one: send nothing");
        }
        return new SurveyForm(channel, when, when.equals("end") ? null : step, easyToUnderstand, helpWhenNeeded,
                feelingComparedToBefore, text);
    }

    private static void score(String field, Integer value) {
        if (value != null && (value < 1 || value > 5)) {
            throw ProblemException.invalidField(field, field + " is between 1 and 5");
        }
    }
}
