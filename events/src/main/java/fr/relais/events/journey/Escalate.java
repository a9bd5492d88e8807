package fr.relais.events.journey;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * mediation-service opened a mediation case for the journey.
 */
public record Escalate(UUID commandId, UUID journeyId, Actor actor, Instant issuedAt, UUID caseId,
                       String reasonCode) implements JourneyCommand {

    public Escalate {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(journeyId, "journeyId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(reasonCode, "reasonCode");
    }
}
