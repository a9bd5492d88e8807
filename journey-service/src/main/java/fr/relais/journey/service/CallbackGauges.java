package fr.relais.journey.service;

import fr.relais.journey.persistence.JourneyEntity;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Call backs waiting, due (their window has begun) and overdue (their window ended with nobody reaching the
 * citizen), counted in PostgreSQL every 15 s. Counts only, no tags about anyone. Every instance reports the same
 * shared count: read them with max(), not sum().
 */
@ApplicationScoped
public class CallbackGauges {

    private final AtomicLong waiting = new AtomicLong();
    private final AtomicLong due = new AtomicLong();
    private final AtomicLong overdue = new AtomicLong();

    @Inject
    MeterRegistry registry;

    @Inject
    Clock clock;

    void register(@Observes StartupEvent ignored) {
        Gauge.builder("relais_callbacks_waiting", waiting, AtomicLong::get)
                .description("Call backs requested and not yet closed").register(registry);
        Gauge.builder("relais_callbacks_due", due, AtomicLong::get)
                .description("Waiting call backs whose window has begun").register(registry);
        Gauge.builder("relais_callbacks_overdue", overdue, AtomicLong::get)
                .description("Waiting call backs whose window has ended: nobody called in time").register(registry);
    }

    @Scheduled(every = "${relais.callbacks.gauge-interval:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        Instant now = clock.instant();
        return Panache.withSession(() -> JourneyEntity.count("callbackId is not null")
                .invoke(waiting::set)
                .flatMap(ignored -> JourneyEntity.count("callbackId is not null and callbackDueAt <= ?1", now))
                .invoke(due::set)
                .flatMap(ignored -> JourneyEntity.count("callbackId is not null and callbackWindowEndsAt < ?1", now))
                .invoke(overdue::set)
                .replaceWithVoid());
    }
}
