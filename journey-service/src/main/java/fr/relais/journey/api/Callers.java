package fr.relais.journey.api;

import fr.relais.events.channel.Channel;
import fr.relais.events.journey.Actor;
import fr.relais.security.StaffClaims;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Set;

/**
 * The caller of a read, from the token the gateway propagated: an Actor, and apart from it the mediator's
 * pools (an Actor also travels on Kafka, where no pool goes; {@code site} stays the staff member's site).
 */
final class Callers {

    private Callers() {
    }

    static Actor actor(SecurityIdentity identity, JsonWebToken token) {
        Channel channel = identity.hasRole("counter-agent") ? Channel.DESK
                : identity.hasRole("phone-agent") || identity.hasRole("mediator") ? Channel.PHONE
                : Channel.PORTAL;
        return new Actor(token.getSubject(), identity.getRoles(), StaffClaims.site(token), channel);
    }

    /** The client a service token was issued to (its {@code azp}), which the access log names as the reader. */
    static String client(JsonWebToken token) {
        String azp = text(token, "azp");
        return azp == null ? "service" : azp;
    }

    /** A string claim of the token, e.g. {@code given_name}; null when absent or not a string. */
    static String text(JsonWebToken token, String claim) {
        Object value = token.getClaim(claim);
        return value instanceof jakarta.json.JsonString json ? json.getString() : value instanceof String plain ? plain : null;
    }

    /** The mediator pools (department codes) of the token's multivalued {@code pool} claim; empty for everyone else. */
    static Set<String> pools(SecurityIdentity identity, JsonWebToken token) {
        if (!identity.hasRole("mediator")) {
            return Set.of();
        }
        return StaffClaims.pools(token);
    }
}
