package fr.relais.events.journey;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Starts a journey on a procedure; journey-service pins the procedure's current version.
 * Issued by the gateway; the journey id is chosen by the issuer so it can follow the journey at once.
 *
 * @param personId the person record (journey-service) the journey belongs to: required when a counter or phone
 *                 agent starts it for a citizen without an account, null when a citizen starts her own online
 */
public record StartJourney(UUID commandId, UUID journeyId, Actor actor, Instant issuedAt,
                           String procedureId, UUID personId) implements JourneyCommand {

    public StartJourney {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(journeyId, "journeyId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(procedureId, "procedureId");
    }

    /** A citizen starting her own journey online. */
    public StartJourney(UUID commandId, UUID journeyId, Actor actor, Instant issuedAt, String procedureId) {
        this(commandId, journeyId, actor, issuedAt, procedureId, null);
    }
}
