package fr.relais.events.journey;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Returns to an earlier step of the journey.
 */
public record GoBack(UUID commandId, UUID journeyId, Actor actor, Instant issuedAt,
                     String toStepId) implements JourneyCommand {

    public GoBack {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(journeyId, "journeyId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(toStepId, "toStepId");
    }
}
