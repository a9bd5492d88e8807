package fr.relais.events.journey;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The journey is cancelled (the citizen withdraws the request, or staff cancel it).
 */
public record Cancel(UUID commandId, UUID journeyId, Actor actor, Instant issuedAt,
                     String reasonCode) implements JourneyCommand {

    public Cancel {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(journeyId, "journeyId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(reasonCode, "reasonCode");
    }
}
