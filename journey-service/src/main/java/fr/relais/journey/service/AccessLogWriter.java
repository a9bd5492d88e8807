package fr.relais.journey.service;

import fr.relais.events.journey.Actor;
import fr.relais.journey.accesslog.AccessChains;
import fr.relais.journey.persistence.AccessLogEntity;
import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.UUID;

/** Writes one staff read or action to the citizen's access log, in the caller's transaction. */
public final class AccessLogWriter {

    private AccessLogWriter() {
    }

    /** About one journey. */
    public static Uni<Void> journey(UUID journeyId, Actor caller, String action, String reason, Instant now) {
        return write(journeyId, null, caller, ActorRoles.primary(caller), action, reason, now);
    }

    /** About one journey, by someone whose role there is not her token's (an aidant). */
    public static Uni<Void> journey(UUID journeyId, Actor caller, String role, String action, String reason, Instant now) {
        return write(journeyId, null, caller, role, action, reason, now);
    }

    /** About a person, not one of her journeys (a search that found her, her record created). */
    public static Uni<Void> person(UUID personId, Actor caller, String action, String reason, Instant now) {
        return write(null, personId, caller, ActorRoles.primary(caller), action, reason, now);
    }

    /**
     * About one journey and the person it reached, who may not be the journey's own {@code person_id} (a person found
     * through the journey's account): the entry shows in the journey's log and in hers.
     */
    public static Uni<Void> journeyAndPerson(UUID journeyId, UUID personId, Actor caller, String action, String reason,
                                             Instant now) {
        return write(journeyId, personId, caller, ActorRoles.primary(caller), action, reason, now);
    }

    private static Uni<Void> write(UUID journeyId, UUID personId, Actor caller, String role, String action, String reason,
                                   Instant now) {
        AccessLogEntity entry = new AccessLogEntity();
        entry.journeyId = journeyId;
        entry.personId = personId;
        entry.at = now;
        entry.actorSubject = caller.subject();
        entry.actorRole = role;
        entry.actorSite = caller.site();
        entry.channel = caller.channel().name().toLowerCase();
        entry.action = action;
        entry.reason = reason;
        return AccessChains.append(entry);
    }
}
