package fr.relais.mediation.api;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/** The pools of the calling mediator, from the token's {@code pool} claim (an array, or one value). */
final class Mediators {

    static final String ROLE = "mediator";

    private Mediators() {
    }

    /** The caller's pools; none for a caller who is not a mediator, whatever the token carries. */
    static Set<String> pools(SecurityIdentity identity, JsonWebToken token) {
        return identity.hasRole(ROLE) ? claimedPools(token) : Set.of();
    }

    private static Set<String> claimedPools(JsonWebToken token) {
        Object claim = token.getClaim("pool");
        Set<String> pools = new LinkedHashSet<>();
        if (claim instanceof jakarta.json.JsonArray array) {
            array.forEach(value -> pools.add(unquote(value.toString())));
        } else if (claim instanceof Collection<?> values) {
            values.forEach(value -> pools.add(unquote(String.valueOf(value))));
        } else if (claim != null) {
            pools.add(unquote(claim.toString()));
        }
        pools.removeIf(String::isBlank);
        return pools;
    }

    /** The pseudonymous subject: what history and events record, never a name. */
    static String subject(JsonWebToken token) {
        return token.getSubject();
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }
}
