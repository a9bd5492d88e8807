package fr.relais.journey.service;

import fr.relais.events.channel.Channel;
import fr.relais.events.journey.Actor;

import java.util.List;

/** The one role that describes an actor in timelines and access logs. */
public final class ActorRoles {

    public static final List<String> BY_PRECEDENCE = List.of("counter-agent", "phone-agent", "mediator", "admin", "ops", "citizen");

    private ActorRoles() {
    }

    public static String primary(Actor actor) {
        if (actor.channel() == Channel.SYSTEM) {
            return "system";
        }
        return BY_PRECEDENCE.stream().filter(actor.roles()::contains).findFirst().orElse("unknown");
    }

    /** Staff (not the citizen, not a service): their reads and actions go to the citizen's access log. */
    public static boolean isStaff(Actor actor) {
        String role = primary(actor);
        return !role.equals("citizen") && !role.equals("system") && !role.equals("unknown");
    }
}
