package fr.relais.mediation.service;

import fr.relais.messaging.metrics.SharedGauge;
import fr.relais.messaging.metrics.SharedGauges;
import io.micrometer.core.instrument.Tags;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * relais_mediation_queue_depth{pool, status}: open (waiting for a mediator) and claimed cases per pool, counted in
 * the database shared by every instance: a gauge of shared state, reported (and counted) by the metrics lease
 * holder only, so a sum() over instances stays the true depth.
 */
@ApplicationScoped
public class QueueDepth {

    private static final String DEPTH = "select pool, status, count(*) from mediation_case where status <> 'RESOLVED' group by pool, status";

    @Inject
    SharedGauges gauges;

    /** Every pool and status seen so far, so that one that empties reads 0 rather than its last depth. */
    private final Map<String, SharedGauge> depths = new ConcurrentHashMap<>();

    @Scheduled(every = "${relais.metrics.queue-depth-interval:15s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        if (!gauges.reporting()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withSession(() -> Panache.getSession().flatMap(session ->
                        session.createNativeQuery(DEPTH, Object[].class).getResultList()))
                .invoke(this::publish)
                .onFailure().invoke(failure -> Log.debugf("queue depth: %s", failure.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private void publish(List<Object[]> rows) {
        Map<String, Long> counted = new HashMap<>();
        for (Object[] row : rows) {
            String pool = String.valueOf(row[0]);
            String status = String.valueOf(row[1]).toLowerCase();
            depths.computeIfAbsent(pool + "|" + status, key -> gauges.gauge("relais_mediation_queue_depth", null,
                    Tags.of("pool", pool, "status", status)));
            counted.put(pool + "|" + status, ((Number) row[2]).longValue());
        }
        depths.forEach((key, depth) -> depth.set(counted.getOrDefault(key, 0L)));
    }
}
