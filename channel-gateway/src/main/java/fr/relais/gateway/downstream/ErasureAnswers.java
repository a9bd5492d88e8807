package fr.relais.gateway.downstream;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** journey-service's answer to "Effacer mes données": what was erased, and what stays with the reason (closed codes). */
public final class ErasureAnswers {

    private ErasureAnswers() {
    }

    /** kind: person-record, journey, access-log; reason (kept only): submitted-record, identity-of-kept-record, staff-access-proof. */
    /** keptUntil: when the retention sweep erases a kept journey. */
    public record Item(String kind, UUID journeyId, String procedureId, String reason, Instant keptUntil) {
    }

    public record Outcome(UUID erasureId, Instant erasedAt, List<Item> erased, List<Item> kept) {
    }

    /** She confirms on purpose: an erasure cannot be undone. */
    public record Request(Boolean confirmed) {
    }
}
