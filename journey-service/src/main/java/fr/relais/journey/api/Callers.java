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

    /** The mediator pools (department codes) of the token's multivalued {@code pool} claim; empty for everyone else. */
    static Set<String> pools(SecurityIdentity identity, JsonWebToken token) {
        if (!identity.hasRole("mediator")) {
            return Set.of();
        }
        return StaffClaims.pools(token);
    }
}
