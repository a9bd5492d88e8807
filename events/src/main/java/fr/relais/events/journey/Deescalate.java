package fr.relais.events.journey;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * mediation-service resolved the case; the journey leaves {@code ESCALATED}.
 *
 * @param outcome a resolution code, e.g. {@code helped-online}, {@code desk-appointment-booked}, {@code redirected}
 */
public record Deescalate(UUID commandId, UUID journeyId, Actor actor, Instant issuedAt, UUID caseId,
                         String outcome) implements JourneyCommand {

    public Deescalate {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(journeyId, "journeyId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(outcome, "outcome");
    }
}
