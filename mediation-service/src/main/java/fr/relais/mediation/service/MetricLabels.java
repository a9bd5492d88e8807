package fr.relais.mediation.service;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns the procedure and step ids of signals into metric label values from a closed list, so that a caller
 * who sends made-up ids cannot create new time series: each meter has at most (known values + 2) values per
 * label. A known id is its own label, a missing one is {@code unknown}, anything else is {@code other}.
 */
public final class MetricLabels {

    public static final String UNKNOWN = "unknown";
    public static final String OTHER = "other";

    private final Map<String, Set<String>> stepsByProcedure = new TreeMap<>();
    private final Set<String> allSteps = new LinkedHashSet<>();

    public MetricLabels(Map<String, List<String>> stepsByProcedure) {
        stepsByProcedure.forEach((procedure, steps) -> {
            this.stepsByProcedure.put(procedure, Set.copyOf(steps));
            allSteps.addAll(steps);
        });
    }

    public String procedure(String procedureId) {
        if (procedureId == null) {
            return UNKNOWN;
        }
        return stepsByProcedure.containsKey(procedureId) ? procedureId : OTHER;
    }

    /**
     * A step of the journey's procedure; while the procedure is not known yet (its first record still on its
     * way), a step of any known procedure, which keeps the set closed all the same.
     */
    public String step(String procedureId, String stepId) {
        if (stepId == null) {
            return UNKNOWN;
        }
        Set<String> steps = procedureId == null ? allSteps : stepsByProcedure.getOrDefault(procedureId, Set.of());
        return steps.contains(stepId) ? stepId : OTHER;
    }

    /** Every value {@link #procedure} may return. */
    public Set<String> procedureValues() {
        Set<String> values = new LinkedHashSet<>(stepsByProcedure.keySet());
        values.add(UNKNOWN);
        values.add(OTHER);
        return values;
    }

    /** Every value {@link #step} may return. */
    public Set<String> stepValues() {
        Set<String> values = new LinkedHashSet<>(allSteps);
        values.add(UNKNOWN);
        values.add(OTHER);
        return values;
    }
}
