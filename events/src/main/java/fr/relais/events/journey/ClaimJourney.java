package fr.relais.events.journey;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An agent takes a waiting journey; the first claim wins, later ones are rejected
 * ({@code already-claimed}). The agent's channel and site come from {@link #actor()}.
 */
public record ClaimJourney(UUID commandId, UUID journeyId, Actor actor, Instant issuedAt) implements JourneyCommand {

    public ClaimJourney {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(journeyId, "journeyId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(issuedAt, "issuedAt");
    }
}
