package fr.relais.messaging.outbox;

import fr.relais.events.CloudEventAttributes;
import fr.relais.messaging.TopicsConfig;
import fr.relais.messaging.metrics.SharedGauge;
import fr.relais.messaging.metrics.SharedGauges;
import io.micrometer.core.instrument.Tags;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes the outbox in position order, one batch at a time, and marks each row once Kafka has
 * acknowledged it. A crash between send and mark re-sends the row after restart; receivers de-duplicate
 * on the CloudEvents id, which stays the row's id. A PostgreSQL advisory lock (named after the service)
 * keeps one relay at a time across instances, so a journey's records never overtake each other.
 * The emitter's channel is {@code outbox}; each row names its own logical topic.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final int BATCH = 200;
    private static final String LOCK = "select pg_try_advisory_xact_lock(hashtext($1))";
    private static final String PENDING = "select position, id, topic, record_key, ce_type, ce_subject, correlation_id,"
            + " causation_id, payload, created_at, traceparent from outbox where published_at is null"
            + " order by position limit " + BATCH + " for update";
    private static final String MARK_PUBLISHED = "update outbox set published_at = now() where position = any($1)";
    private static final String BACKLOG = "select count(*) from outbox where published_at is null";

    @Inject
    @Channel("outbox")
    MutinyEmitter<String> emitter;

    @Inject
    TopicsConfig topics;

    @Inject
    SharedGauges gauges;

    @Inject
    Tracer tracer;

    @Inject
    Vertx vertx;

    @Inject
    Pool pool;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    /** Set in the Vert.x context of a unit of work by {@link Outbox#add}; read by {@link #publishSoon()}. */
    private static final String WRITTEN = "relais.outbox.written";

    private final AtomicBoolean running = new AtomicBoolean();
    /** Rows committed while a publication ran (it had already selected its batch): publish again right after. */
    private final AtomicBoolean again = new AtomicBoolean();
    private SharedGauge backlog;
    private volatile boolean stopping;

    /** The backlog is shared state (one table for all instances): reported by the metrics lease holder only. */
    @PostConstruct
    void backlogGauge() {
        backlog = gauges.gauge("relais_outbox_backlog", "Outbox rows written but not yet acknowledged by Kafka", Tags.empty());
    }

    /** Polls as a safety net and refreshes the backlog even when Kafka refuses; {@link #publishSoon()} does the fast path. */
    // delayed: the first poll must not run before the messaging channels are wired at start-up
    @Scheduled(every = "${relais.outbox.poll-interval:1s}", delayed = "${relais.outbox.initial-delay:3s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        if (stopping) {
            return Uni.createFrom().voidItem();
        }
        return publishPending().replaceWithVoid()
                .onFailure().invoke(failure -> Log.warnf("outbox relay: %s", failure.toString()))
                .onFailure().recoverWithNull()
                .chain(this::countBacklog);
    }

    /** On shutdown no new batch starts; rows not yet marked are published by the next start. */
    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /**
     * Starts a publication right after a transaction commits, or right after the running one ends, when that
     * transaction wrote to the outbox: most consumed records change a fact and publish nothing, and an empty
     * publication still costs a transaction, a lock and a query. Outside a Vert.x context it always publishes. The
     * publication runs on a new duplicated context of its own.
     */
    public void publishSoon() {
        if (stopping) {
            return;
        }
        Context context = Vertx.currentContext();
        if (context != null && !context.removeLocal(WRITTEN)) {
            return;
        }
        // never on the caller's context: that context carries the caller's unit of work (Panache keeps its session
        // there), which the publication must neither join nor keep alive
        Context own = VertxContext.createNewDuplicatedContext(context != null ? context : vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(own, true);
        own.runOnContext(ignored -> publishPending().subscribe().with(count -> { },
                failure -> Log.warnf("outbox relay: %s", failure.toString())));
    }

    /** Notes, in the current unit of work's Vert.x context, that it wrote an outbox row. */
    static void markWritten() {
        Context context = Vertx.currentContext();
        if (context != null) {
            context.putLocal(WRITTEN, Boolean.TRUE);
        }
    }

    /** Publishes pending rows until none is left; emits how many were published. */
    public Uni<Integer> publishPending() {
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return Uni.createFrom().item(0);
        }
        again.set(false);
        return publishBatch()
                .flatMap(sent -> sent == BATCH ? publishBatch().map(more -> sent + more) : Uni.createFrom().item(sent))
                .eventually(() -> {
                    running.set(false);
                    if (again.getAndSet(false)) {
                        publishSoon(); // without this, those rows would wait for the next poll (up to a second)
                    }
                });
    }

    /**
     * One transaction on the reactive SQL client, not Hibernate: a native select with a result class is a new entry
     * in Hibernate's query plan cache at every call (its key holds a result-set mapping without equality), and the
     * relay runs after every command, so the cache sat full, evicting, at a few percent of the service's CPU.
     */
    private Uni<Integer> publishBatch() {
        return pool.withTransaction(connection -> connection.preparedQuery(LOCK).execute(Tuple.of(service + ".outbox"))
                .map(locked -> locked.iterator().next().getBoolean(0))
                .flatMap(locked -> locked
                        ? connection.query(PENDING).execute().map(OutboxRelay::pendingRows)
                        : Uni.createFrom().item(List.<PendingRow>of()))
                .flatMap(this::sendInOrder)
                .flatMap(acknowledged -> markPublished(connection, acknowledged)));
    }

    private static List<PendingRow> pendingRows(RowSet<Row> rows) {
        List<PendingRow> pending = new ArrayList<>(rows.size());
        rows.forEach(row -> pending.add(PendingRow.of(row)));
        return pending;
    }

    /**
     * Sends the whole batch at once, in position order (the producer keeps that order per partition), and waits
     * for all acknowledgements together: one round trip to Kafka per batch instead of one per row. Returns the
     * acknowledged rows up to the first refused one; the rest stay pending and are sent again, in order.
     */
    private Uni<List<PendingRow>> sendInOrder(List<PendingRow> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        // Kafka acknowledges on its own thread; the transaction's connection is used on its Vert.x context.
        Context context = Vertx.currentContext();
        List<Uni<Boolean>> sends = rows.stream().map(row -> send(row).onFailure().invoke(failure ->
                        Log.warnf("outbox relay: record %s not acknowledged: %s", row.id(), failure.toString()))
                .onFailure().recoverWithItem(false)).toList();
        return Uni.join().all(sends).andFailFast()
                .emitOn(task -> context.runOnContext(ignored -> task.run()))
                .map(acks -> {
                    int prefix = 0;
                    while (prefix < acks.size() && acks.get(prefix)) {
                        prefix++;
                    }
                    return rows.subList(0, prefix);
                });
    }

    /** One UPDATE for the whole acknowledged batch (one statement text whatever the batch's size). */
    private static Uni<Integer> markPublished(SqlConnection connection, List<PendingRow> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Long[] positions = rows.stream().map(PendingRow::position).toArray(Long[]::new);
        return connection.preparedQuery(MARK_PUBLISHED).execute(Tuple.of(positions)).replaceWith(rows.size());
    }

    private Uni<Boolean> send(PendingRow row) {
        String topic = topics.physical(row.topic());
        RecordHeaders headers = new RecordHeaders();
        new CloudEventAttributes(row.id().toString(), service, row.ceType(), row.ceSubject(), row.createdAt(),
                row.correlationId(), row.causationId())
                .toKafkaHeaders()
                .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        // the channel's own tracing is off (microprofile-config.properties): it would parent the record on the relay
        Span span = PublicationSpan.start(tracer, row.traceparent(), topic);
        PublicationSpan.addHeader(headers, span);
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topic)
                .withKey(row.recordKey())
                .withHeaders(headers)
                .build();
        return emitter.sendMessage(Message.of(row.payload()).addMetadata(metadata)).replaceWith(true)
                .onTermination().invoke(span::end);
    }

    private Uni<Void> countBacklog() {
        if (!gauges.reporting()) {
            return Uni.createFrom().voidItem();
        }
        return pool.query(BACKLOG).execute()
                .invoke(rows -> backlog.set(rows.iterator().next().getLong(0)))
                .replaceWithVoid();
    }
}
