package fr.relais.mediation.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A mediator's note is short and says what was done, not who the citizen is: no e-mail address, no phone
 * number, no date of birth, no long free text. A note that looks like personal data is refused.
 */
public final class Notes {

    public static final int MAX_LENGTH = 280;
    private static final Pattern EMAIL = Pattern.compile("@");
    private static final Pattern DIGITS = Pattern.compile("(\\d[\\s.\\-/]?){6,}");
    private static final Pattern DATE = Pattern.compile("\\b\\d{1,2}[/.\\-]\\d{1,2}[/.\\-]\\d{2,4}\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b");

    private Notes() {
    }

    /** Why the note is refused, or empty when it is acceptable. A null note is acceptable. */
    public static Optional<String> problem(String note) {
        if (note == null) {
            return Optional.empty();
        }
        if (note.length() > MAX_LENGTH) {
            return Optional.of("a note has at most " + MAX_LENGTH + " characters");
        }
        if (EMAIL.matcher(note).find()) {
            return Optional.of("a note must not contain an e-mail address");
        }
        if (DATE.matcher(note).find()) {
            return Optional.of("a note must not contain a date (birth dates are personal data)");
        }
        if (DIGITS.matcher(note).find()) {
            return Optional.of("a note must not contain a phone number or another long number");
        }
        return Optional.empty();
    }
}
