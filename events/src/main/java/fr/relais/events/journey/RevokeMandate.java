package fr.relais.events.journey;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The citizen withdraws a mandate before it expires.
 */
public record RevokeMandate(UUID commandId, UUID journeyId, Actor actor, Instant issuedAt,
                            UUID mandateId) implements JourneyCommand {

    public RevokeMandate {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(journeyId, "journeyId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(mandateId, "mandateId");
    }
}
