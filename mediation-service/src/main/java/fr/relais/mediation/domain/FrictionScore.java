package fr.relais.mediation.domain;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A journey's friction at one moment, explainable: every contributing signal with its points.
 *
 * @param total         the sum of the contributions' points; never negative
 * @param threshold     the threshold that applies to the journey's procedure
 * @param evaluatedAt   the moment the decay was computed for
 * @param contributions the signals that counted, most points first
 */
public record FrictionScore(double total, double threshold, int policyVersion, String procedureId, Instant evaluatedAt,
                            List<Contribution> contributions) {

    public FrictionScore {
        contributions = List.copyOf(contributions);
    }

    public boolean crossed() {
        return total >= threshold;
    }

    public Set<SignalKind> contributingKinds() {
        Set<SignalKind> kinds = EnumSet.noneOf(SignalKind.class);
        contributions.stream().filter(c -> c.points() > 0).forEach(c -> kinds.add(c.kind()));
        return kinds;
    }

    /** The step of the latest contributing signal, null when none names a step. */
    public String latestStep() {
        return contributions.stream().filter(c -> c.stepId() != null)
                .max((a, b) -> a.occurredAt().compareTo(b.occurredAt()))
                .map(Contribution::stepId).orElse(null);
    }
}
