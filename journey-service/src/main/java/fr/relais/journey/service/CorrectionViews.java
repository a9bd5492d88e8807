package fr.relais.journey.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** "Corriger": what the citizen asks, what she sees of her requests, and what the counter agent sees and decides. */
public final class CorrectionViews {

    private CorrectionViews() {
    }

    /**
     * @param field given-names, family-name or birth-date (her contact details she changes herself)
     * @param value the right value (a birth date ISO or day-first, as everywhere)
     */
    public record Request(String field, String value) {
    }

    /** Hers: the value she asked for, and what became of it. */
    public record Mine(UUID id, String field, String requestedValue, String status, Instant requestedAt, Instant decidedAt,
                       String refusalReason) {
    }

    /** The agents' queue: no personal value, only what to prepare for (which field, since when). */
    public record Pending(UUID id, String field, Instant requestedAt) {
    }

    /** What the agent opens at the desk, logged in her access log: her record as it is and the value she asks for. */
    public record Detail(UUID id, UUID personId, String givenNames, String familyName, LocalDate birthDate, String field,
                         String requestedValue, String status, Instant requestedAt) {
    }

    /**
     * @param outcome              applied or refused
     * @param identityDocumentSeen the agent saw her identity document, showing the requested value (required to apply)
     * @param refusalReason        when refused: document-does-not-match, no-document, not-a-correction
     */
    public record Decision(String outcome, Boolean identityDocumentSeen, String refusalReason) {
    }
}
