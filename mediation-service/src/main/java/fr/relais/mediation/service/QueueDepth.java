package fr.relais.mediation.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * relais_mediation_queue_depth{pool, status}: open (waiting for a mediator) and claimed cases per pool,
 * refreshed from the database, so every instance reports the same truth.
 */
@ApplicationScoped
public class QueueDepth {

    private static final String DEPTH = "select pool, status, count(*) from mediation_case where status <> 'RESOLVED' group by pool, status";

    @Inject
    MeterRegistry registry;

    private final Map<String, AtomicLong> depths = new ConcurrentHashMap<>();

    @Scheduled(every = "${relais.metrics.queue-depth-interval:15s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return Panache.withSession(() -> Panache.getSession().flatMap(session ->
                        session.createNativeQuery(DEPTH, Object[].class).getResultList()))
                .invoke(this::publish)
                .onFailure().invoke(failure -> Log.debugf("queue depth: %s", failure.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private void publish(List<Object[]> rows) {
        depths.values().forEach(depth -> depth.set(0));
        for (Object[] row : rows) {
            String pool = String.valueOf(row[0]);
            String status = String.valueOf(row[1]).toLowerCase();
            depths.computeIfAbsent(pool + "|" + status, key -> {
                AtomicLong value = new AtomicLong();
                Gauge.builder("relais_mediation_queue_depth", value, AtomicLong::get)
                        .tag("pool", pool).tag("status", status)
                        .register(registry);
                return value;
            }).set(((Number) row[2]).longValue());
        }
    }
}
