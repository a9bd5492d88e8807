package fr.relais.gateway.downstream;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** journey-service's correction requests ("Corriger"), as it sends them. Personal data: to her screen or the agent's only. */
public final class CorrectionAnswers {

    private CorrectionAnswers() {
    }

    /** field: given-names, family-name, birth-date. */
    public record Request(String field, String value) {
    }

    public record Mine(UUID id, String field, String requestedValue, String status, Instant requestedAt, Instant decidedAt,
                       String refusalReason) {
    }

    public record Pending(UUID id, String field, Instant requestedAt) {
    }

    public record Detail(UUID id, UUID personId, String givenNames, String familyName, LocalDate birthDate, String field,
                         String requestedValue, String status, Instant requestedAt) {
    }

    /** outcome: applied or refused; refusalReason: document-does-not-match, no-document, not-a-correction. */
    public record Decision(String outcome, Boolean identityDocumentSeen, String refusalReason) {
    }
}
