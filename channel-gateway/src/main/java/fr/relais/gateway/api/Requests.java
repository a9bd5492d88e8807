package fr.relais.gateway.api;

import fr.relais.problem.ProblemException;
import java.util.Map;

/** Request bodies of the public API. Unknown fields are refused (quarkus.jackson.fail-on-unknown-properties). */
public final class Requests {

    private Requests() {
    }

    public record StartJourney(String procedureId) {
    }

    public record Answers(Map<String, String> answers) {
    }

    public record GoBack(String toStepId) {
    }

    /** @param channel desk or phone; @param site required for desk; @param reason a short code, e.g. needs-help */
    public record Handoff(String channel, String site, String reason) {
    }

    public record Help(String stepId) {
    }

    /** A client-side signal: kind is step-idle or session-abandoned. */
    public record Signal(String kind, String stepId) {
    }

    /** @param duration ONE_DAY, ONE_WEEK or ONE_MONTH */
    public record Mandate(String site, String duration) {
    }

    public record ResumeCode(String resumeCode, String checkValue) {
    }

    /**
     * The answers of a step body. JSON {@code null} where answers belong (the whole body, {@code answers}, or one
     * field's value) is refused as a 400 naming the field, before anything is sealed or sent.
     */
    public static Map<String, String> answersOf(Answers body) {
        if (body == null || body.answers() == null) {
            throw ProblemException.invalidField("answers", "answers is required: an object of field names to text values ({} for none)");
        }
        body.answers().forEach((field, value) -> {
            if (value == null) {
                throw ProblemException.invalidField("answers." + field, "answers." + field + " is null: leave an empty field out");
            }
        });
        return body.answers();
    }

    /** A step id as procedures write them: lower-case words joined by hyphens. */
    public static boolean isStepId(String value) {
        return value != null && value.matches("[a-z0-9-]{1,64}");
    }
}
