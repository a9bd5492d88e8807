package fr.relais.journey.domain;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The key a person is found by: family and given names compared without case, accents, hyphens, apostrophes or
 * extra spaces ("BENALI Mohamed" = "Benali  mohamed", "Hélène-Marie" = "helene marie"). Exact match on this key
 * plus the birth date, never a fuzzy list of strangers.
 */
public final class PersonNames {

    private PersonNames() {
    }

    public static String normalise(String name) {
        if (name == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return decomposed.toLowerCase(Locale.ROOT)
                .replace('œ', 'o').replace('æ', 'a')
                .replaceAll("[\\s\\-'’.]+", " ")
                .strip();
    }

    /** family | given, both normalised. */
    public static String key(String familyName, String givenNames) {
        return normalise(familyName) + "|" + normalise(givenNames);
    }
}
