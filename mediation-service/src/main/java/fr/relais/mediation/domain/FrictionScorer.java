package fr.relais.mediation.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Scores a journey's signals under a policy. Each signal of a weighed kind contributes
 * {@code weight x min(max(count, 1), maxCount) x 0.5^(age / halfLife)} while its age is within the
 * rule's window, and only if at least {@code minOccurrences} signals of its kind are in the window.
 * Signals "from the future" (clock skew between services) count as fresh. Pure and deterministic:
 * the same signals at the same evaluation time always give the same score.
 */
public final class FrictionScorer {

    private FrictionScorer() {
    }

    public static FrictionScore score(FrictionPolicy policy, String procedureId, Collection<Signal> signals,
                                      Instant evaluatedAt) {
        Map<SignalKind, SignalRule> rules = policy.rulesFor(procedureId);
        List<Contribution> contributions = new ArrayList<>();
        for (Map.Entry<SignalKind, SignalRule> entry : rules.entrySet()) {
            SignalRule rule = entry.getValue();
            List<Signal> inWindow = signals.stream()
                    .filter(s -> s.kind() == entry.getKey())
                    .filter(s -> age(s, evaluatedAt).compareTo(rule.window()) <= 0)
                    .toList();
            if (inWindow.size() < rule.minOccurrences()) {
                continue;
            }
            for (Signal signal : inWindow) {
                int countUsed = Math.min(Math.max(signal.count(), 1), rule.maxCount());
                double decay = Math.pow(0.5, (double) age(signal, evaluatedAt).toMillis() / rule.halfLife().toMillis());
                double points = rule.weight() * countUsed * decay;
                contributions.add(new Contribution(signal.sourceId(), signal.kind(), signal.stepId(), signal.channel(),
                        signal.occurredAt(), rule.weight(), countUsed, decay, points));
            }
        }
        contributions.sort(Comparator.comparingDouble(Contribution::points).reversed()
                .thenComparing(Contribution::sourceId));
        double total = contributions.stream().mapToDouble(Contribution::points).sum();
        return new FrictionScore(Math.max(0, total), policy.thresholdFor(procedureId), policy.version(), procedureId,
                evaluatedAt, contributions);
    }

    /** The evaluation time that makes a replay deterministic: the latest signal's time. */
    public static Instant latest(Collection<Signal> signals, Instant fallback) {
        return signals.stream().map(Signal::occurredAt).max(Comparator.naturalOrder()).orElse(fallback);
    }

    private static Duration age(Signal signal, Instant at) {
        Duration age = Duration.between(signal.occurredAt(), at);
        return age.isNegative() ? Duration.ZERO : age;
    }
}
