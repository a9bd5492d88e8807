package fr.relais.events.journey;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Starts a journey on a procedure; journey-service pins the procedure's current version.
 * Issued by the gateway; the journey id is chosen by the issuer so it can follow the journey at once.
 */
public record StartJourney(UUID commandId, UUID journeyId, Actor actor, Instant issuedAt,
                           String procedureId) implements JourneyCommand {

    public StartJourney {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(journeyId, "journeyId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(procedureId, "procedureId");
    }
}
