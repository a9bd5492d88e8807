package fr.relais.messaging.retention;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Deletes the rows of the plumbing tables ({@link PurgeTarget} beans: the outbox, processed message ids, and what a
 * service adds) once they are older than their retention, so these tables stop growing for ever. Batches of
 * {@value #BATCH} rows, each in its own short transaction, until a batch comes back short. One instance at a time:
 * each batch takes a transaction-level advisory lock named after the service, as the outbox relay does, and an
 * instance that does not get it leaves the run to the one that has it.
 * Counts relais_plumbing_purged_rows_total{table}.
 */
@ApplicationScoped
public class RetentionPurge {

    static final int BATCH = 5000;
    public static final String PURGED = "relais_plumbing_purged_rows";

    @Inject
    Pool pool;

    @Inject
    MeterRegistry registry;

    @Inject
    @Any
    Instance<PurgeTarget> contributed;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    private List<PurgeTarget> targets;
    private Map<String, Counter> purged;
    private volatile boolean stopping;

    /** The counters exist at 0 from the start: a dashboard shows 0 purged rows rather than nothing. */
    void start(@Observes StartupEvent event) {
        targets = contributed.stream().sorted(Comparator.comparing(PurgeTarget::table)).toList();
        purged = targets.stream().collect(Collectors.toMap(PurgeTarget::table, target -> Counter.builder(PURGED)
                .description("Rows of plumbing tables deleted once older than their retention")
                .tag("table", target.table()).register(registry), (a, b) -> a));
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Scheduled(every = "${relais.retention.interval:10m}", delayed = "${relais.retention.initial-delay:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return purgeAll()
                .onFailure().invoke(failure -> Log.warnf("retention purge: %s", failure.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Purges every target in turn; emits the rows deleted per table. */
    public Uni<Map<String, Long>> purgeAll() {
        return Multi.createFrom().iterable(targets)
                .onItem().transformToUniAndConcatenate(target -> purge(target).map(count -> Map.entry(target.table(), count)))
                .collect().asMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** Deletes batch after batch until one is short (nothing older is left) or another instance holds the lock. */
    Uni<Long> purge(PurgeTarget target) {
        return batch(target).flatMap(deleted -> deleted == BATCH && !stopping
                ? purge(target).map(more -> deleted + more)
                : Uni.createFrom().item((long) Math.max(deleted, 0)));
    }

    /** One batch in its own transaction; -1 when another instance is purging. */
    private Uni<Integer> batch(PurgeTarget target) {
        String lock = "select pg_try_advisory_xact_lock(hashtext($1))";
        double seconds = target.retention().toMillis() / 1000.0;
        return pool.withTransaction(connection -> connection.preparedQuery(lock).execute(Tuple.of(service + ".retention"))
                .flatMap(rows -> rows.iterator().next().getBoolean(0)
                        ? connection.preparedQuery(target.deleteBatch(BATCH)).execute(Tuple.of(seconds))
                                .map(deleted -> deleted.rowCount())
                        : Uni.createFrom().item(-1)))
                .invoke(deleted -> {
                    if (deleted > 0) {
                        purged.get(target.table()).increment(deleted);
                    }
                });
    }

    /** The targets of this service, in the order they are purged. */
    public List<PurgeTarget> targets() {
        return targets;
    }
}
