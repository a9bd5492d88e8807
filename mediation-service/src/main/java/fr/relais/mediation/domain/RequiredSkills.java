package fr.relais.mediation.domain;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The mediator skills a case needs (codes: {@code langue-arabe}, {@code handicap-visuel}…), or unknown while
 * journey-service has not said. Codes only: nothing here says who the citizen is.
 */
public record RequiredSkills(boolean known, Set<String> skills) {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    public static final RequiredSkills UNKNOWN = new RequiredSkills(false, Set.of());

    public RequiredSkills {
        skills = Collections.unmodifiableSet(new LinkedHashSet<>(skills));
        if (!known && !skills.isEmpty()) {
            throw new IllegalArgumentException("unknown skills have no codes");
        }
        for (String skill : skills) {
            if (skill == null || !CODE.matcher(skill).matches()) {
                throw new IllegalArgumentException("not a skill code: " + skill);
            }
        }
    }

    public static RequiredSkills of(Collection<String> skills) {
        return new RequiredSkills(true, new LinkedHashSet<>(skills));
    }

    /** From the stored column: null is unknown, '' is none. */
    public static RequiredSkills fromStored(String column) {
        if (column == null) {
            return UNKNOWN;
        }
        return of(column.isEmpty() ? Set.of() : Arrays.asList(column.split(",")));
    }

    public String stored() {
        return known ? String.join(",", skills) : null;
    }

    /** The codes of this list that the mediator lacks; empty when unknown (nothing to lack yet). */
    public Set<String> missingFrom(Set<String> mediatorSkills) {
        Set<String> missing = new LinkedHashSet<>(skills);
        missing.removeAll(mediatorSkills);
        return Collections.unmodifiableSet(missing);
    }
}
