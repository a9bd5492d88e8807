package fr.relais.appointment.messaging;

import fr.relais.messaging.TopicsConfig;
import fr.relais.events.CloudEventAttributes;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes the outbox in position order and marks each row once Kafka has acknowledged it. A crash
 * between send and mark re-sends the row after restart; receivers de-duplicate on the CloudEvents id,
 * which stays the row's id. A PostgreSQL advisory lock keeps one relay at a time across instances, so a
 * journey's events never overtake each other. Adapted from journey-service's OutboxRelay.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final int BATCH = 200;
    private static final String PENDING = "select position, id, topic, record_key, ce_type, ce_subject, correlation_id,"
            + " causation_id, payload::text as payload, created_at from outbox where published_at is null order by position limit "
            + BATCH + " for update";
    private static final String SINGLE_RELAY_LOCK = "select pg_try_advisory_xact_lock(hashtext('appointment-service.outbox')) as locked";

    @Inject
    @Channel("outbox")
    MutinyEmitter<String> emitter;

    @Inject
    TopicsConfig topics;

    @Inject
    Pool pool;

    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean stopping;
    private final AtomicLong backlog = new AtomicLong();

    @Inject
    OutboxRelay(MeterRegistry registry) {
        registry.gauge("relais_outbox_backlog", backlog);
    }

    /** Polls as a safety net; {@link #publishSoon()} publishes right after a change commits. */
    @Scheduled(every = "${relais.outbox.poll-interval:1s}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        if (stopping) {
            return Uni.createFrom().voidItem();
        }
        return publishPending().replaceWithVoid()
                .onFailure().invoke(failure -> Log.warnf("outbox relay: %s", failure.toString()))
                .onFailure().recoverWithNull();
    }

    /** On SIGTERM, stop starting new batches; a batch in flight finishes (rows not marked are re-sent after restart). */
    void stop(@jakarta.enterprise.event.Observes io.quarkus.runtime.ShutdownEvent event) {
        stopping = true;
    }

    public void publishSoon() {
        if (stopping) {
            return;
        }
        publishPending().subscribe().with(count -> { }, failure -> Log.warnf("outbox relay: %s", failure.toString()));
    }

    public Uni<Integer> publishPending() {
        if (!running.compareAndSet(false, true)) {
            return Uni.createFrom().item(0);
        }
        return publishBatch()
                .flatMap(sent -> sent == BATCH ? publishBatch().map(more -> sent + more) : Uni.createFrom().item(sent))
                .eventually(() -> running.set(false));
    }

    private Uni<Integer> publishBatch() {
        return pool.withTransaction(connection -> connection.query(SINGLE_RELAY_LOCK).execute()
                .flatMap(lock -> lock.iterator().next().getBoolean("locked")
                        ? connection.query(PENDING).execute().map(OutboxRelay::rows)
                        : Uni.createFrom().item(List.<Row>of()))
                .flatMap(rows -> Multi.createFrom().iterable(rows)
                        .onItem().transformToUniAndConcatenate(this::send)
                        .collect().asList())
                .flatMap(positions -> markPublished(connection, positions).replaceWith(positions.size())))
                .flatMap(sent -> countBacklog().replaceWith(sent));
    }

    private Uni<Long> send(Row row) {
        RecordHeaders headers = new RecordHeaders();
        new CloudEventAttributes(row.getUUID("id").toString(), Outbox.SOURCE, row.getString("ce_type"),
                row.getString("ce_subject"), row.getOffsetDateTime("created_at").toInstant(),
                row.getString("correlation_id"), row.getString("causation_id"))
                .toKafkaHeaders()
                .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topics.physical(row.getString("topic")))
                .withKey(row.getString("record_key"))
                .withHeaders(headers)
                .build();
        long position = row.getLong("position");
        // Kafka acknowledges on its own thread; come back to the connection's Vert.x context before touching it.
        io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
        Uni<Void> sent = emitter.sendMessage(Message.of(row.getString("payload")).addMetadata(metadata));
        if (context != null) {
            sent = sent.emitOn(task -> context.runOnContext(ignored -> task.run()));
        }
        return sent.replaceWith(position);
    }

    private static Uni<Void> markPublished(SqlConnection connection, List<Long> positions) {
        if (positions.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("update outbox set published_at = now() where position = any($1)")
                .execute(Tuple.of(positions.toArray(Long[]::new))).replaceWithVoid();
    }

    private Uni<Void> countBacklog() {
        return pool.query("select count(*) as n from outbox where published_at is null").execute()
                .invoke(rows -> backlog.set(rows.iterator().next().getLong("n")))
                .replaceWithVoid();
    }

    private static List<Row> rows(io.vertx.mutiny.sqlclient.RowSet<Row> set) {
        List<Row> list = new ArrayList<>();
        set.forEach(list::add);
        return list;
    }
}
