package fr.relais.messaging.metrics;

import io.micrometer.core.instrument.Tags;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * relais_table_size_bytes{table} (table, indexes and TOAST) and relais_table_rows{table} (PostgreSQL's estimate of
 * live rows) for every table of the service's database, so a table that grows for ever shows on a dashboard before
 * it fills the disk. Shared state: reported by the {@code metrics} lease holder only. Tags are table names only.
 */
@ApplicationScoped
public class TableSizes {

    public static final String SIZE = "relais_table_size_bytes";
    public static final String ROWS = "relais_table_rows";

    private static final String SIZES = "select relname, pg_total_relation_size(relid), n_live_tup"
            + " from pg_stat_user_tables where schemaname = current_schema()";

    @Inject
    Pool pool;

    @Inject
    SharedGauges gauges;

    @Scheduled(every = "${relais.metrics.table-sizes-interval:30s}", delayed = "${relais.metrics.table-sizes-delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        if (!gauges.reporting()) {
            return Uni.createFrom().voidItem();
        }
        return pool.query(SIZES).execute()
                .invoke(rows -> rows.forEach(this::publish))
                .onFailure().invoke(failure -> Log.debugf("table sizes: %s", failure.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private void publish(Row row) {
        Tags table = Tags.of("table", row.getString(0));
        gauges.gauge(SIZE, "Disk space of a table of the service's database, with its indexes and TOAST", table)
                .set(row.getLong(1));
        gauges.gauge(ROWS, "Live rows of a table of the service's database (PostgreSQL's estimate)", table)
                .set(row.getLong(2));
    }
}
