package fr.relais.journey.privacy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What "Effacer mes données" answers: what was erased, and what stays with the reason (codes from closed lists). */
public final class ErasureViews {

    private ErasureViews() {
    }

    /**
     * @param kind {@code person-record}, {@code journey}, {@code access-log}
     * @param reason for kept items: {@code submitted-record} (a completed procedure the administration must keep),
     *               {@code identity-of-kept-record} (her names and birth date stay with it), {@code staff-access-proof}
     *               (who read her data: kept to answer for it; it holds no personal value)
     * @param keptUntil when the retention sweep erases a kept journey (its procedure's period after it ended)
     */
    public record Item(String kind, UUID journeyId, String procedureId, String reason, Instant keptUntil) {

        static Item erased(String kind, UUID journeyId, String procedureId) {
            return new Item(kind, journeyId, procedureId, null, null);
        }

        static Item kept(String kind, UUID journeyId, String procedureId, String reason, Instant until) {
            return new Item(kind, journeyId, procedureId, reason, until);
        }
    }

    public record Outcome(UUID erasureId, Instant erasedAt, List<Item> erased, List<Item> kept) {
    }
}
