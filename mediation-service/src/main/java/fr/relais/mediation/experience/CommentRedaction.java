package fr.relais.mediation.experience;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes personal data from a citizen's free comment before it is stored: e-mail addresses, phone numbers, long
 * numbers (social security, bank, file numbers, postal codes), dates, street addresses and names introduced as names
 * ("je m'appelle…", "Madame…"). What a pattern cannot see (a bare name) is why a human moderates before display.
 */
public final class CommentRedaction {

    /** What replaces each removed piece, so a reader sees that something was there. */
    public static final String REMOVED = "[retiré]";

    private static final String MONTHS = "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre"
            + "|novembre|décembre|decembre";
    private static final String STREETS = "rue|avenue|av\\.?|boulevard|bd|place|chemin|allée|allee|impasse|quai|route"
            + "|square|cours|résidence|residence|cité|cite|lotissement";

    // order matters: e-mails before numbers, so "jean.dupont93@…" goes whole
    private static final List<Pattern> PERSONAL = List.of(
            Pattern.compile("[\\p{L}\\d._%+-]+@[\\p{L}\\d-]+(?:\\.[\\p{L}\\d-]+)+"),
            Pattern.compile("(?i)\\bFR\\d{2}(?:\\s?[\\dA-Z]{4}){5,6}(?:\\s?[\\dA-Z]{1,3})?\\b"),
            Pattern.compile("(?i)\\b\\d{1,4}\\s*(?:bis|ter)?,?\\s+(?:" + STREETS + ")\\s+[^,;.!?\\n]{2,60}"),
            Pattern.compile("(?i)\\b\\d{1,2}(?:er)?\\s+(?:" + MONTHS + ")\\s+\\d{4}\\b"),
            Pattern.compile("\\b\\d{1,4}[/.-]\\d{1,2}[/.-]\\d{1,4}\\b"),
            Pattern.compile("(?:\\+|\\b00)\\d{1,3}[\\s.()-]*(?:\\d[\\s.()-]*){6,13}\\d"),
            Pattern.compile("\\b\\d(?:[\\s.-]?\\d){4,}\\b"),
            Pattern.compile("(?iu)\\b(?:je m'appelle|je m’appelle|mon nom est|mon nom c'est|madame|monsieur|mme|mlle|m\\.)"
                    + "\\s+\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]+)?"));

    private CommentRedaction() {
    }

    /** @param text the comment without what looks like personal data; removed how many pieces */
    public record Redacted(String text, int removed) {
    }

    public static Redacted redact(String comment) {
        String text = comment;
        int removed = 0;
        for (Pattern pattern : PERSONAL) {
            Matcher matcher = pattern.matcher(text);
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                removed++;
                matcher.appendReplacement(out, Matcher.quoteReplacement(REMOVED));
            }
            matcher.appendTail(out);
            text = out.toString();
        }
        return new Redacted(text.strip(), removed);
    }
}
