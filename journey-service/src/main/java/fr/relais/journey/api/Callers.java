package fr.relais.journey.api;

import fr.relais.events.channel.Channel;
import fr.relais.events.journey.Actor;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Set;
import java.util.stream.Collectors;

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
        return new Actor(token.getSubject(), identity.getRoles(), token.getClaim("site"), channel);
    }

    /** The mediator pools (department codes) of the token's multivalued {@code pool} claim; empty for everyone else. */
    static Set<String> pools(SecurityIdentity identity, JsonWebToken token) {
        if (!identity.hasRole("mediator")) {
            return Set.of();
        }
        Object claim = token.getClaim("pool");
        if (claim instanceof JsonArray array) {
            return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).collect(Collectors.toUnmodifiableSet());
        }
        if (claim instanceof JsonString single) {
            return Set.of(single.getString());
        }
        if (claim instanceof String single) {
            return Set.of(single);
        }
        return Set.of();
    }
}
