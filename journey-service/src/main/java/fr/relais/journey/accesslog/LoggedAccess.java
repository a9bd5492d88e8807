package fr.relais.journey.accesslog;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** What an access-log entry says, as hashed: the same fields whether written by the service or read by the verifier. */
public record LoggedAccess(UUID chainId, long sequence, Instant at, UUID journeyId, UUID personId, String actorSubject,
                           String actorRole, String actorSite, String channel, String action, String reason) {

    /** PostgreSQL keeps microseconds: an entry is hashed at the precision it is stored with. */
    public static Instant storable(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }
}
