package fr.relais.appointment.service;

import fr.relais.appointment.domain.Site;
import fr.relais.appointment.domain.TimeWindow;
import fr.relais.appointment.persistence.CatalogRepository;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/** Refreshes relais_appointments_slot_utilisation{site}: booked share of open counter time over the next 7 days. */
@ApplicationScoped
public class SlotUtilisation {

    static final int DAYS = 7;

    @Inject
    Pool pool;

    @Inject
    CatalogRepository catalogs;

    @Inject
    AppointmentMetrics metrics;

    @Inject
    Clock clock;

    @Scheduled(every = "${relais.metrics.utilisation-interval:60s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        Instant now = clock.instant();
        Instant until = now.plus(Duration.ofDays(DAYS));
        return catalogs.load().flatMap(catalog -> pool.preparedQuery("select site_id, coalesce(sum(extract(epoch from"
                                + " (least(ends_at, $2) - greatest(starts_at, $1)))), 0) as seconds from booking"
                                + " where status in ('CONFIRMED', 'CHECKED_IN', 'NO_SHOW') and starts_at < $2 and ends_at > $1 group by site_id")
                        .execute(Tuple.of(now.atOffset(ZoneOffset.UTC), until.atOffset(ZoneOffset.UTC)))
                        .invoke(rows -> {
                            Map<String, Double> booked = new HashMap<>();
                            for (Row r : rows) {
                                booked.put(r.getString("site_id"), r.getNumeric("seconds").doubleValue());
                            }
                            for (Site site : catalog.sites().values()) {
                                double open = openSeconds(site, now, until);
                                metrics.utilisation(site.id(), open == 0 ? 0 : Math.min(1, booked.getOrDefault(site.id(), 0.0) / open));
                            }
                        }))
                .onFailure().invoke(failure -> Log.warnf("slot utilisation: %s", failure.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
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
                    seconds += Duration.between(start, end).toSeconds();
                }
            }
        }
        return seconds * site.counters().size();
    }
}
