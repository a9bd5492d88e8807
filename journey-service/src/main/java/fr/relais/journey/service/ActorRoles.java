package fr.relais.journey.service;

import fr.relais.events.channel.Channel;
import fr.relais.events.journey.Actor;

import java.util.List;

/** The one role that describes an actor in timelines and access logs. */
public final class ActorRoles {

    public static final List<String> BY_PRECEDENCE = List.of("counter-agent", "phone-agent", "mediator", "admin", "ops", "citizen");

    private ActorRoles() {
    }

    /** A citizen acting on someone else's journey under an aidant mandate. */
    public static final String AIDANT = "aidant";

    /** The role as a journey's timeline and access log show it: {@link #AIDANT} for a citizen who is not its owner. */
    public static String onJourney(Actor actor, String ownerSubject) {
        String role = primary(actor);
        return role.equals("citizen") && !actor.subject().equals(ownerSubject) ? AIDANT : role;
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
