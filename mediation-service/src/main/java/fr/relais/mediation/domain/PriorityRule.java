package fr.relais.mediation.domain;

import java.util.Set;

/**
 * When a case gets a priority: its score reaches {@code minScore}, or all of {@code whenAll} contributed,
 * or any of {@code whenAny} contributed. An empty condition never matches.
 */
public record PriorityRule(Double minScore, Set<SignalKind> whenAll, Set<SignalKind> whenAny) {

    public PriorityRule {
        whenAll = whenAll == null ? Set.of() : Set.copyOf(whenAll);
        whenAny = whenAny == null ? Set.of() : Set.copyOf(whenAny);
    }

    public boolean matches(FrictionScore score) {
        Set<SignalKind> kinds = score.contributingKinds();
        return (minScore != null && score.total() >= minScore)
                || (!whenAll.isEmpty() && kinds.containsAll(whenAll))
                || whenAny.stream().anyMatch(kinds::contains);
    }
}
