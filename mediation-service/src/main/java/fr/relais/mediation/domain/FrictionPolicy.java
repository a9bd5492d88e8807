package fr.relais.mediation.domain;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The versioned friction policy: which signals count, how much and for how long; the threshold that
 * opens a case; per-procedure overrides; priorities, SLAs and the routing of cases to mediator pools.
 * Built by {@code PolicyReader} from the policy file, which validates it against its JSON Schema.
 */
public record FrictionPolicy(int version, double threshold, Map<SignalKind, SignalRule> signals,
                             Map<String, ProcedureOverride> procedures, PriorityRule urgent, PriorityRule high,
                             Map<Priority, Sla> slas, double atRiskRatio, Routing routing) {

    /** What a procedure changes: its own threshold (null: the default) and some signal rules. */
    public record ProcedureOverride(Double threshold, Map<SignalKind, SignalRule> signals) {
        public ProcedureOverride {
            signals = Collections.unmodifiableMap(new EnumMap<>(signals.isEmpty() ? Map.of() : signals));
        }
    }

    /** Cases go to the pool of the journey's last known site, else to the default pool. */
    public record Routing(String defaultPool, Map<String, String> sitePools) {
        public Routing {
            Objects.requireNonNull(defaultPool, "defaultPool");
            sitePools = Map.copyOf(sitePools);
        }

        public String poolFor(String site) {
            return site == null ? defaultPool : sitePools.getOrDefault(site, defaultPool);
        }
    }

    public FrictionPolicy {
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1");
        }
        if (!(threshold > 0)) {
            throw new IllegalArgumentException("threshold must be positive");
        }
        signals = Collections.unmodifiableMap(new EnumMap<>(signals));
        procedures = Collections.unmodifiableMap(new LinkedHashMap<>(procedures));
        for (Priority priority : Priority.values()) {
            if (!slas.containsKey(priority)) {
                throw new IllegalArgumentException("no SLA for priority " + priority.wire());
            }
        }
        slas = Collections.unmodifiableMap(new EnumMap<>(slas));
        if (!(atRiskRatio > 0 && atRiskRatio < 1)) {
            throw new IllegalArgumentException("atRiskRatio must be between 0 and 1 (exclusive)");
        }
        Objects.requireNonNull(routing, "routing");
    }

    /** The threshold for a journey of {@code procedureId} (null when not known yet). */
    public double thresholdFor(String procedureId) {
        ProcedureOverride override = procedureId == null ? null : procedures.get(procedureId);
        return override != null && override.threshold() != null ? override.threshold() : threshold;
    }

    /** The signal rules for a journey of {@code procedureId}: the defaults with the procedure's overrides. */
    public Map<SignalKind, SignalRule> rulesFor(String procedureId) {
        ProcedureOverride override = procedureId == null ? null : procedures.get(procedureId);
        if (override == null || override.signals().isEmpty()) {
            return signals;
        }
        Map<SignalKind, SignalRule> merged = new EnumMap<>(SignalKind.class);
        merged.putAll(signals);
        merged.putAll(override.signals());
        return merged;
    }

    /** The longest window of any rule: older signals can never count again. */
    public Duration longestWindow() {
        Duration longest = Duration.ZERO;
        for (SignalRule rule : signals.values()) {
            longest = rule.window().compareTo(longest) > 0 ? rule.window() : longest;
        }
        for (ProcedureOverride override : procedures.values()) {
            for (SignalRule rule : override.signals().values()) {
                longest = rule.window().compareTo(longest) > 0 ? rule.window() : longest;
            }
        }
        return longest;
    }

    public Sla slaFor(Priority priority) {
        return slas.get(priority);
    }

    /** Urgent, then high, else normal. */
    public Priority priorityOf(FrictionScore score) {
        if (urgent != null && urgent.matches(score)) {
            return Priority.URGENT;
        }
        if (high != null && high.matches(score)) {
            return Priority.HIGH;
        }
        return Priority.NORMAL;
    }
}
