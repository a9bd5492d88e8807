package fr.relais.events.journey;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * mediation-service opened a mediation case for the journey.
 *
 * @param pool the mediator pool the case is routed to (a department code, e.g. {@code 93}): only that pool's
 *             mediators may read the journey; null in commands sent before the field existed
 */
public record Escalate(UUID commandId, UUID journeyId, Actor actor, Instant issuedAt, UUID caseId,
                       String reasonCode, String pool) implements JourneyCommand {

    public Escalate {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(journeyId, "journeyId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(reasonCode, "reasonCode");
    }

    /** The shape before cases named their pool: no mediator's pool matches it. */
    public Escalate(UUID commandId, UUID journeyId, Actor actor, Instant issuedAt, UUID caseId, String reasonCode) {
        this(commandId, journeyId, actor, issuedAt, caseId, reasonCode, null);
    }
}
