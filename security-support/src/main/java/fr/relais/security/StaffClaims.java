package fr.relais.security;

import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The staff attributes the realm maps into access tokens, read the same way by every service: a token may carry a
 * claim as a JSON array, a JSON string or (from some token parsers) a plain Java value, and each service used to
 * accept a different subset of those.
 */
public final class StaffClaims {

    /** The department codes of a mediator's pools: multivalued. */
    public static final String POOL = "pool";
    /** A mediator's skills (langue-arabe, handicap-visuel…), matched against what a case needs: multivalued. */
    public static final String SKILLS = "skills";
    /** The procedures a procedure owner designs and answers for: multivalued. */
    public static final String PROCEDURES = "procedures";
    /** The France Services site (or phone platform) a staff member works at: one value. */
    public static final String SITE = "site";

    private StaffClaims() {
    }

    /** The token's pools in claim order, blanks dropped; empty when the claim is absent. */
    public static Set<String> pools(JsonWebToken token) {
        return values(token, POOL);
    }

    /** The token's skills in claim order, blanks dropped; empty when the claim is absent. */
    public static Set<String> skills(JsonWebToken token) {
        return values(token, SKILLS);
    }

    /** A procedure owner's procedures in claim order, blanks dropped; empty when the claim is absent. */
    public static Set<String> procedures(JsonWebToken token) {
        return values(token, PROCEDURES);
    }

    private static Set<String> values(JsonWebToken token, String name) {
        Set<String> pools = new LinkedHashSet<>();
        Object claim = token.getClaim(name);
        if (claim instanceof JsonArray array) {
            array.forEach(value -> pools.add(text(value)));
        } else if (claim instanceof Collection<?> values) {
            values.forEach(value -> pools.add(text(value)));
        } else if (claim != null) {
            pools.add(text(claim));
        }
        pools.removeIf(String::isBlank);
        return Collections.unmodifiableSet(pools);
    }

    /** The token's site, or null when it has none. */
    public static String site(JsonWebToken token) {
        Object claim = token.getClaim(SITE);
        if (claim == null) {
            return null;
        }
        String site = text(claim);
        return site.isBlank() ? null : site;
    }

    private static String text(Object value) {
        if (value instanceof JsonString string) {
            return string.getString();
        }
        if (value instanceof JsonValue json) {
            return json.toString();
        }
        return String.valueOf(value);
    }
}
