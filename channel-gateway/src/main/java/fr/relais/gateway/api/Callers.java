package fr.relais.gateway.api;

import fr.relais.security.StaffClaims;
import fr.relais.events.channel.Channel;
import fr.relais.events.journey.Actor;
import fr.relais.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller as an Actor on the channel of the API they use; never the SYSTEM channel (services only). */
final class Callers {

    private Callers() {
    }

    static Actor actor(SecurityIdentity identity, JsonWebToken token, Channel channel) {
        return new Actor(token.getSubject(), identity.getRoles(), StaffClaims.site(token), channel);
    }

    /** The staff member's own site (the token's site claim); an account without one is refused. */
    static String site(JsonWebToken token) {
        String site = StaffClaims.site(token);
        if (site == null) {
            throw new ProblemException(403, "no-site", "No site", "your account has no site; ask an administrator");
        }
        return site;
    }
}
