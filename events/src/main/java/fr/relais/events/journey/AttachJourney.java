package fr.relais.events.journey;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A citizen with an account takes a journey started for her at a desk or on the phone as her own. journey-service
 * issues it itself once the citizen proved the journey is hers (resume code + check value, rate-limited).
 */
public record AttachJourney(UUID commandId, UUID journeyId, Actor actor, Instant issuedAt) implements JourneyCommand {

    public AttachJourney {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(journeyId, "journeyId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(issuedAt, "issuedAt");
    }
}
