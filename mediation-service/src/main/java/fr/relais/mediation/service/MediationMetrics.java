package fr.relais.mediation.service;

import fr.relais.mediation.domain.FrictionPolicy;
import fr.relais.mediation.domain.MediationCase;
import fr.relais.mediation.domain.Priority;
import fr.relais.mediation.domain.Signal;
import fr.relais.mediation.domain.SlaKind;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.TreeSet;

/**
 * relais_mediation_* metrics. Tags are low-cardinality codes only (signal kind, procedure, step, pool,
 * priority, outcome, sla), never a journey, case or mediator id. Procedure and step ids come from callers'
 * records, so they pass through {@link MetricLabels}' closed lists; pools come from the friction policy's
 * routing, kinds, priorities and outcomes are enums.
 */
@ApplicationScoped
public class MediationMetrics {

    @Inject
    MeterRegistry registry;

    @Inject
    FrictionPolicy policy;

    @Inject
    MetricLabels labels;

    /**
     * The SLA counters exist from start-up at zero for every pool, priority and SLA of the policy, so an alert on
     * their increase sees the very first breach (a counter born at 1 shows no increase).
     */
    void registerSlaCounters(@Observes StartupEvent start) {
        TreeSet<String> pools = new TreeSet<>(policy.routing().sitePools().values());
        pools.add(policy.routing().defaultPool());
        for (String pool : pools) {
            for (Priority priority : Priority.values()) {
                for (SlaKind sla : SlaKind.values()) {
                    registry.counter("relais_mediation_sla_at_risk_total", "sla", sla.wire(), "pool", pool, "priority", priority.wire());
                    registry.counter("relais_mediation_sla_breaches_total", "sla", sla.wire(), "pool", pool, "priority", priority.wire());
                }
            }
        }
    }

    public void signal(Signal signal, String procedureId) {
        registry.counter("relais_mediation_signals_total", "kind", signal.kind().wire(),
                "procedure", labels.procedure(procedureId), "step", labels.step(procedureId, signal.stepId())).increment();
    }

    public void opened(MediationCase opened) {
        registry.counter("relais_mediation_cases_opened_total", "reason", opened.reasonCode(), "pool", opened.pool(),
                "priority", opened.priority().wire(), "procedure", labels.procedure(opened.procedureId())).increment();
    }

    public void claimed(MediationCase claimed) {
        registry.counter("relais_mediation_cases_claimed_total", "pool", claimed.pool(),
                "priority", claimed.priority().wire()).increment();
    }

    public void firstContact(MediationCase c) {
        Timer.builder("relais_mediation_time_to_first_contact_seconds")
                .tag("pool", c.pool()).tag("priority", c.priority().wire())
                .publishPercentileHistogram()
                // buckets from a second to a working day: the SLAs are 1 h to 24 h
                .minimumExpectedValue(Duration.ofSeconds(1)).maximumExpectedValue(Duration.ofHours(24))
                .register(registry)
                .record(Duration.between(c.openedAt(), c.firstContactAt()));
    }

    public void resolved(MediationCase c) {
        registry.counter("relais_mediation_cases_resolved_total", "outcome", c.outcome().wire(), "pool", c.pool(),
                "procedure", labels.procedure(c.procedureId())).increment();
        Timer.builder("relais_mediation_time_to_resolution_seconds")
                .tag("pool", c.pool()).tag("outcome", c.outcome().wire())
                .register(registry)
                .record(Duration.between(c.openedAt(), c.resolvedAt()));
    }

    public void slaAtRisk(String sla, MediationCase c) {
        registry.counter("relais_mediation_sla_at_risk_total", "sla", sla, "pool", c.pool(),
                "priority", c.priority().wire()).increment();
    }

    public void slaBreached(String sla, MediationCase before) {
        registry.counter("relais_mediation_sla_breaches_total", "sla", sla, "pool", before.pool(),
                "priority", before.priority().wire()).increment();
    }
}
