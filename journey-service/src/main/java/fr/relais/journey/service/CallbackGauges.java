package fr.relais.journey.service;

import fr.relais.journey.persistence.JourneyEntity;
import fr.relais.messaging.metrics.SharedGauge;
import fr.relais.messaging.metrics.SharedGauges;
import io.micrometer.core.instrument.Tags;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;

/**
 * Call backs waiting, due (their window has begun) and overdue (their window ended with nobody reaching the
 * citizen), counted in PostgreSQL every 15 s. Counts only, no tags about anyone. The counts are shared state: only
 * the metrics lease holder counts and reports them, so there is one series whatever the number of instances.
 */
@ApplicationScoped
public class CallbackGauges {

    @Inject
    SharedGauges gauges;

    @Inject
    Clock clock;

    private SharedGauge waiting;
    private SharedGauge due;
    private SharedGauge overdue;

    @PostConstruct
    void register() {
        waiting = gauges.gauge("relais_callbacks_waiting", "Call backs requested and not yet closed", Tags.empty());
        due = gauges.gauge("relais_callbacks_due", "Waiting call backs whose window has begun", Tags.empty());
        overdue = gauges.gauge("relais_callbacks_overdue", "Waiting call backs whose window has ended: nobody called in time",
                Tags.empty());
    }

    @Scheduled(every = "${relais.callbacks.gauge-interval:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        if (!gauges.reporting()) {
            return Uni.createFrom().voidItem();
        }
        Instant now = clock.instant();
        return Panache.withSession(() -> JourneyEntity.count("callbackId is not null")
                .invoke(count -> waiting.set(count))
                .flatMap(ignored -> JourneyEntity.count("callbackId is not null and callbackDueAt <= ?1", now))
                .invoke(count -> due.set(count))
                .flatMap(ignored -> JourneyEntity.count("callbackId is not null and callbackWindowEndsAt < ?1", now))
                .invoke(count -> overdue.set(count))
                .replaceWithVoid());
    }
}
