package fr.relais.mediation.api;

import fr.relais.security.StaffClaims;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Set;

/** The pools of the calling mediator, from the token's {@code pool} claim (an array, or one value). */
final class Mediators {

    static final String ROLE = "mediator";

    private Mediators() {
    }

    /** The caller's pools; none for a caller who is not a mediator, whatever the token carries. */
    static Set<String> pools(SecurityIdentity identity, JsonWebToken token) {
        return identity.hasRole(ROLE) ? StaffClaims.pools(token) : Set.of();
    }

    /** The caller's skills (langue-arabe, handicap-visuel…), from the token's {@code skills} claim. */
    static Set<String> skills(JsonWebToken token) {
        return StaffClaims.skills(token);
    }

    /** The pseudonymous subject: what history and events record, never a name. */
    static String subject(JsonWebToken token) {
        return token.getSubject();
    }
}
