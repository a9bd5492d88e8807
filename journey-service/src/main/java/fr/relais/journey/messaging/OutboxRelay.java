package fr.relais.journey.messaging;

import fr.relais.events.CloudEventAttributes;
import fr.relais.messaging.TopicsConfig;
import fr.relais.journey.persistence.OutboxEntity;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes the outbox in position order, one batch at a time, and marks each row once Kafka has
 * acknowledged it. A crash between send and mark re-sends the row after restart; receivers de-duplicate
 * on the CloudEvents id, which stays the row's id. A PostgreSQL advisory lock keeps one relay at a time
 * across instances, so a journey's events never overtake each other.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final int BATCH = 200;
    private static final String PENDING = "select * from outbox where published_at is null order by position limit " + BATCH + " for update";
    private static final String SINGLE_RELAY_LOCK = "select pg_try_advisory_xact_lock(hashtext('journey-service.outbox'))";

    @Inject
    @Channel("outbox")
    MutinyEmitter<String> emitter;

    @Inject
    TopicsConfig topics;

    private final AtomicBoolean running = new AtomicBoolean();
    /** Rows committed while a publication ran (it had already selected its batch): publish again right after. */
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicLong backlog = new AtomicLong();

    @Inject
    OutboxRelay(MeterRegistry registry) {
        registry.gauge("relais_outbox_backlog", backlog);
    }

    private volatile boolean stopping;

    /** Polls as a safety net; {@link #publishSoon()} publishes right after a command commits. */
    @Scheduled(every = "${relais.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        return stopping ? Uni.createFrom().voidItem() : publishPending().replaceWithVoid();
    }

    /** On shutdown no new batch starts; rows not yet marked are published by the next start. */
    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** Starts a publication unless one is already running (it will pick the new rows up). */
    public void publishSoon() {
        if (stopping) {
            return;
        }
        publishPending().subscribe().with(count -> { }, failure -> Log.warnf("outbox relay: %s", failure.toString()));
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

    private Uni<Integer> publishBatch() {
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session ->
                session.createNativeQuery(SINGLE_RELAY_LOCK, Boolean.class).getSingleResult().flatMap(locked -> {
                    if (!locked) {
                        return Uni.createFrom().item(List.<OutboxEntity>of());
                    }
                    return session.createNativeQuery(PENDING, OutboxEntity.class).getResultList();
                })).flatMap(rows -> Multi.createFrom().iterable(rows)
                .onItem().transformToUniAndConcatenate(this::send)
                .collect().asList()
                .map(List::size))
        ).flatMap(sent -> countBacklog().replaceWith(sent));
    }

    private Uni<OutboxEntity> send(OutboxEntity row) {
        RecordHeaders headers = new RecordHeaders();
        new CloudEventAttributes(row.id.toString(), Outbox.SOURCE, row.ceType, row.ceSubject, row.createdAt,
                row.correlationId, row.causationId)
                .toKafkaHeaders()
                .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topics.physical(row.topic))
                .withKey(row.recordKey)
                .withHeaders(headers)
                .build();
        // Kafka acknowledges on its own thread; the reactive session must be touched on its Vert.x context.
        Context context = Vertx.currentContext();
        return emitter.sendMessage(Message.of(row.payload).addMetadata(metadata))
                .emitOn(task -> context.runOnContext(ignored -> task.run()))
                .invoke(() -> row.publishedAt = Instant.now())
                .replaceWith(row);
    }

    private Uni<Void> countBacklog() {
        return Panache.withSession(() -> OutboxEntity.count("publishedAt is null"))
                .invoke(backlog::set)
                .replaceWithVoid();
    }
}
