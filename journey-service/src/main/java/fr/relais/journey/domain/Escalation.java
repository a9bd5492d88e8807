package fr.relais.journey.domain;

import java.time.Instant;
import java.util.UUID;

/** A mediation case is open for the journey. */
public record Escalation(UUID caseId, String reasonCode, Instant at) {
}
