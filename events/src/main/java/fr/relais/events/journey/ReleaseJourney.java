package fr.relais.events.journey;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The agent hands the journey back to the digital channel (the citizen resumes with a resume link).
 */
public record ReleaseJourney(UUID commandId, UUID journeyId, Actor actor,
                             Instant issuedAt) implements JourneyCommand {

    public ReleaseJourney {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(journeyId, "journeyId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(issuedAt, "issuedAt");
    }
}
