package fr.relais.journey.api;

import fr.relais.events.channel.Channel;
import fr.relais.events.journey.Actor;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller of a read, as an Actor, from the token the gateway propagated. */
final class Callers {

    private Callers() {
    }

    static Actor actor(SecurityIdentity identity, JsonWebToken token) {
        Channel channel = identity.hasRole("counter-agent") ? Channel.DESK
                : identity.hasRole("phone-agent") || identity.hasRole("mediator") ? Channel.PHONE
                : Channel.PORTAL;
        return new Actor(token.getSubject(), identity.getRoles(), token.getClaim("site"), channel);
    }
}
