package fr.relais.events.journey;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The journey is given up (by the citizen, or by the system after inactivity).
 */
public record Abandon(UUID commandId, UUID journeyId, Actor actor, Instant issuedAt,
                      String reasonCode) implements JourneyCommand {

    public Abandon {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(journeyId, "journeyId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(reasonCode, "reasonCode");
    }
}
