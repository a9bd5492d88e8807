package fr.relais.gateway.downstream;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** journey-service's answer to a FranceConnect sign-in: her person record, and journeys waiting for their resume code. */
public final class IdentityAnswers {

    private IdentityAnswers() {
    }

    /** outcome: linked (a record made at a desk), created, already (linked before). */
    public record Link(UUID personId, String outcome, List<PendingJourney> pendingJourneys) {
        public static final Link NONE = new Link(null, null, List.of());
    }

    public record PendingJourney(UUID journeyId, String procedureId, String status, Instant startedAt) {
    }
}
