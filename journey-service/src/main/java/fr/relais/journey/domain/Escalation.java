package fr.relais.journey.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A mediation case is open for the journey.
 *
 * @param pool the mediator pool the case is routed to (a department code); only its mediators may read the
 *             journey. Null for a case escalated before cases named their pool: then no mediator may.
 */
public record Escalation(UUID caseId, String reasonCode, String pool, Instant at) {
}
