package fr.relais.events.journey;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The citizen gives a site a scoped, expiring mandate to act for them on one procedure.
 *
 * @param duration one of a fixed menu, so a mandate cannot be open-ended
 */
public record GrantMandate(UUID commandId, UUID journeyId, Actor actor, Instant issuedAt, String site,
                           String procedureId, MandateDuration duration) implements JourneyCommand {

    public GrantMandate {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(journeyId, "journeyId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(procedureId, "procedureId");
        Objects.requireNonNull(duration, "duration");
    }
}
