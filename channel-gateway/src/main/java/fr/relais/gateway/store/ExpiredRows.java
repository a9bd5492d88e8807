package fr.relais.gateway.store;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Deletes expired rows of the shared-state tables, a batch at a time so no statement holds many locks; every instance
 * runs it, and SKIP LOCKED lets two of them share the work instead of waiting on each other.
 */
@ApplicationScoped
public class ExpiredRows {

    static final int BATCH = 500;
    /** Each table and its primary key. */
    private static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("pending_command", "command_id");
        TABLES.put("idempotency_key", "scope");
        TABLES.put("signal_bucket", "caller");
        TABLES.put("live_stream", "id");
    }

    @Inject
    Pool pool;

    @Inject
    MeterRegistry registry;

    private final Map<String, Counter> purged = new LinkedHashMap<>();

    @PostConstruct
    void counters() {
        TABLES.keySet().forEach(table -> purged.put(table, Counter.builder("relais_gateway_purged_rows")
                .description("Expired rows deleted from the gateway's shared-state tables")
                .tag("table", table).register(registry)));
    }

    @Scheduled(every = "${relais.gateway.purge-every:PT1M}", delayed = "PT10S",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        return Multi.createFrom().iterable(TABLES.keySet())
                .onItem().transformToUniAndConcatenate(this::purge)
                .collect().last()
                .onFailure().invoke(e -> Log.warnf("purge of expired gateway rows failed: %s", e.getClass().getName()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Deletes expired rows of one table until a batch comes back short; the number deleted. */
    public Uni<Long> purge(String table) {
        String key = TABLES.get(table);
        String delete = "DELETE FROM " + table + " WHERE " + key + " IN (SELECT " + key + " FROM " + table
                + " WHERE expires_at < now() LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED)";
        return batches(table, delete, 0L);
    }

    private Uni<Long> batches(String table, String delete, long sofar) {
        return pool.query(delete).execute().flatMap(result -> {
            int deleted = result.rowCount();
            purged.get(table).increment(deleted); // per batch: what was deleted stays counted if a later batch fails
            long total = sofar + deleted;
            return deleted < BATCH ? Uni.createFrom().item(total) : batches(table, delete, total);
        });
    }
}
