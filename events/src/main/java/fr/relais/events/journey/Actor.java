package fr.relais.events.journey;

import fr.relais.events.channel.Channel;

import java.util.Objects;
import java.util.Set;

/**
 * Who issued a command or caused an event, as far as the rules and the access log need to know.
 *
 * @param subject the Keycloak {@code sub} (pseudonymous), or the service name for {@link Channel#SYSTEM};
 *                never a name, username or e-mail
 * @param roles   realm roles at the time, e.g. {@code citizen}, {@code counter-agent}; may be empty
 * @param site    the staff member's site from the token, null for citizens and services
 * @param channel where the action came from
 */
public record Actor(String subject, Set<String> roles, String site, Channel channel) {

    public Actor {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("actor subject is required");
        }
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        Objects.requireNonNull(channel, "channel");
    }

    /** A service acting on its own account, e.g. {@code Actor.system("mediation-service")}. */
    public static Actor system(String service) {
        return new Actor(service, Set.of(), null, Channel.SYSTEM);
    }
}
