package fr.relais.appointment.service;

import fr.relais.appointment.domain.Closure;
import fr.relais.appointment.domain.Site;
import fr.relais.appointment.domain.TimeWindow;
import fr.relais.appointment.persistence.Catalog;
import fr.relais.messaging.metrics.SharedGauges;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** Refreshes relais_appointments_slot_utilisation{site}: booked share of open counter time over the next 7 days. */
@ApplicationScoped
public class SlotUtilisation {

    static final int DAYS = 7;
    private static final String BOOKED_SECONDS = "select site_id, coalesce(sum(extract(epoch from"
            + " (least(ends_at, cast(:until as timestamptz)) - greatest(starts_at, cast(:from as timestamptz))))), 0) as seconds"
            + " from booking where status in ('CONFIRMED', 'CHECKED_IN', 'NO_SHOW') and starts_at < :until and ends_at > :from"
            + " group by site_id";

    @Inject
    CatalogCache catalogs;

    @Inject
    AppointmentMetrics metrics;

    @Inject
    Clock clock;

    @Inject
    SharedGauges gauges;

    @Scheduled(every = "${relais.metrics.utilisation-interval:60s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        if (stopping) {
            return Uni.createFrom().voidItem(); // the pool is closing: nothing to measure, nothing to warn about
        }
        if (!gauges.reporting()) {
            return Uni.createFrom().voidItem(); // another instance holds the metrics lease and measures it
        }
        Instant now = clock.instant();
        Instant until = now.plus(Duration.ofDays(DAYS));
        Catalog catalog = catalogs.current();
        return Panache.withSession(() -> Panache.getSession()
                        .flatMap(session -> session.createNativeQuery(BOOKED_SECONDS, Object[].class)
                                .setParameter("from", now).setParameter("until", until).getResultList()))
                .invoke(rows -> {
                    Map<String, Double> booked = new HashMap<>();
                    for (Object[] row : rows) {
                        booked.put((String) row[0], ((Number) row[1]).doubleValue());
                    }
                    for (Site site : catalog.sites().values()) {
                        double open = openSeconds(site, now, until);
                        metrics.utilisation(site.id(), open == 0 ? 0 : Math.min(1, booked.getOrDefault(site.id(), 0.0) / open));
                    }
                })
                .onFailure().invoke(failure -> Log.warnf("slot utilisation: %s", failure.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private volatile boolean stopping;

    void stop(@jakarta.enterprise.event.Observes io.quarkus.runtime.ShutdownEvent event) {
        stopping = true;
    }

    static double openSeconds(Site site, Instant from, Instant until) {
        double seconds = 0;
        LocalDate day = from.atZone(site.hours().zone()).toLocalDate();
        LocalDate last = until.atZone(site.hours().zone()).toLocalDate();
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            for (TimeWindow open : site.hours().windows(day)) {
                Instant start = open.start().isBefore(from) ? from : open.start();
                Instant end = open.end().isAfter(until) ? until : open.end();
                if (start.isBefore(end)) {
                    long openFor = Duration.between(start, end).toSeconds();
                    for (Closure closure : site.hours().closures()) {
                        TimeWindow closed = closure.window(site.hours().zone());
                        Instant closedFrom = closed.start().isAfter(start) ? closed.start() : start;
                        Instant closedTo = closed.end().isBefore(end) ? closed.end() : end;
                        if (closedFrom.isBefore(closedTo)) {
                            openFor -= Duration.between(closedFrom, closedTo).toSeconds(); // partial closures
                        }
                    }
                    seconds += Math.max(0, openFor);
                }
            }
        }
        return seconds * site.counters().size();
    }
}
