package fr.relais.appointment.service;

import fr.relais.appointment.domain.Motif;
import fr.relais.appointment.domain.Reminded;
import fr.relais.appointment.persistence.Catalog;

import fr.relais.messaging.metrics.SharedGauges;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;

/**
 * relais_appointments_* metrics, tagged by site and motif (a handful of values each, never an id); no-shows and
 * check-ins also by {@code reminded} ({@code yes} / {@code no}: whether a reminder was sent before), so the no-show
 * rates of reminded and not reminded appointments can be compared.
 */
@ApplicationScoped
public class AppointmentMetrics {

    @Inject
    MeterRegistry registry;

    @Inject
    SharedGauges gauges;

    /**
     * The booking counters exist at zero for every motif where it is offered, as soon as the catalogue is known:
     * rates and alerts then see the first no-show of a process, and a dashboard shows 0 rather than nothing.
     */
    public void registerCounters(Catalog catalog) {
        for (Motif motif : catalog.motifs().values()) {
            for (String site : catalog.sites().keySet()) {
                if (motif.offeredAt(site)) {
                    for (String name : COUNTERS) {
                        registry.counter(name, "site", site, "motif", motif.id());
                    }
                    for (String name : BY_REMINDER) {
                        for (String reminded : List.of(Reminded.YES, Reminded.NO)) {
                            registry.counter(name, "site", site, "motif", motif.id(), "reminded", reminded);
                        }
                    }
                }
            }
        }
    }

    private static final String NO_SHOWS = "relais_appointments_no_shows";
    private static final String CHECKED_IN = "relais_appointments_checked_in";
    private static final List<String> COUNTERS = List.of("relais_appointments_booked", "relais_appointments_cancelled",
            "relais_appointments_hold_expiries");
    // one set of tag keys per name (Prometheus refuses a name with two), so these two always carry `reminded`
    private static final List<String> BY_REMINDER = List.of(NO_SHOWS, CHECKED_IN);

    public void booked(String site, String motif) {
        registry.counter("relais_appointments_booked", "site", site, "motif", motif).increment();
    }

    public void cancelled(String site, String motif) {
        registry.counter("relais_appointments_cancelled", "site", site, "motif", motif).increment();
    }

    /** @param remindedAt the booking's, at the time of the no-show (null: never reminded) */
    public void noShow(String site, String motif, Instant remindedAt) {
        registry.counter(NO_SHOWS, "site", site, "motif", motif, "reminded", Reminded.tag(remindedAt)).increment();
    }

    /** @param remindedAt the booking's, at the time of the check-in (null: never reminded) */
    public void checkedIn(String site, String motif, Instant remindedAt) {
        registry.counter(CHECKED_IN, "site", site, "motif", motif, "reminded", Reminded.tag(remindedAt)).increment();
    }

    public void holdExpired(String site, String motif) {
        registry.counter("relais_appointments_hold_expiries", "site", site, "motif", motif).increment();
    }

    /**
     * Share (0..1) of open counter time booked over the coming week: counted from the bookings all instances share,
     * so reported by the metrics lease holder only ({@link SharedGauges#reporting()} says when to measure it).
     */
    public void utilisation(String site, double share) {
        gauges.gauge("relais_appointments_slot_utilisation", "share of open counter time booked over the next 7 days",
                Tags.of("site", site)).set(share);
    }
}
