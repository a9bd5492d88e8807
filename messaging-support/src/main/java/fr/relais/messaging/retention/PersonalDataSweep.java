package fr.relais.messaging.retention;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
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

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Retention of the personal data each service keeps ({@link PersonalDataTarget} beans): once past its period at the
 * service's clock, a row loses it and stays as an anonymous fact. Batches of {@value #BATCH} rows locked with SKIP
 * LOCKED, so several instances share the work. Counts relais_personal_data_swept_rows_total{table}.
 */
@ApplicationScoped
public class PersonalDataSweep {

    static final int BATCH = 1000;
    public static final String SWEPT = "relais_personal_data_swept_rows";

    @Inject
    Pool pool;

    @Inject
    MeterRegistry registry;

    @Inject
    Clock clock;

    @Inject
    @Any
    Instance<PersonalDataTarget> contributed;

    private List<PersonalDataTarget> targets;
    private Map<String, Counter> swept;

    void start(@Observes StartupEvent event) {
        targets = contributed.stream().sorted(Comparator.comparing(PersonalDataTarget::table)).toList();
        swept = targets.stream().collect(Collectors.toMap(PersonalDataTarget::table, target -> Counter.builder(SWEPT)
                .description("Rows whose personal data was removed once past its retention")
                .tag("table", target.table()).register(registry), (a, b) -> a));
    }

    @Scheduled(every = "${relais.retention.personal-data-interval:1h}", delayed = "${relais.retention.initial-delay:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return sweep(clock.instant())
                .onFailure().invoke(failure -> Log.warnf("personal data retention: %s", failure.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Sweeps every target as of {@code now} (the service's clock; a test moves it); the rows swept per table. */
    public Uni<Map<String, Long>> sweep(Instant now) {
        return Multi.createFrom().iterable(targets)
                .onItem().transformToUniAndConcatenate(target -> sweep(target, now).map(count -> Map.entry(target.table(), count)))
                .collect().asMap(Map.Entry::getKey, Map.Entry::getValue, Long::sum);
    }

    private Uni<Long> sweep(PersonalDataTarget target, Instant now) {
        OffsetDateTime cutoff = now.atOffset(ZoneOffset.UTC).minus(target.retention());
        return pool.withTransaction(connection -> connection.preparedQuery(target.sweepBatch(BATCH)).execute(Tuple.of(cutoff)))
                .map(rows -> (long) rows.rowCount())
                .invoke(n -> swept.get(target.table()).increment(n))
                .flatMap(n -> n == BATCH ? sweep(target, now).map(more -> n + more) : Uni.createFrom().item(n));
    }
}
