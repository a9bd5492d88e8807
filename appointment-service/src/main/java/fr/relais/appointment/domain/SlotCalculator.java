package fr.relais.appointment.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Free slots of a motif at a site over a range of local dates: each open period is cut into slots of
 * the motif's duration from its opening time; a slot is free on a counter when no live booking of that
 * counter overlaps it ({@link CounterChoice#free}); slots outside the motif's notice and horizon, or taken by a partial closure, are left out.
 */
public final class SlotCalculator {

    private SlotCalculator() {
    }

    /**
     * @param busy live bookings per counter id (held, confirmed, checked in)
     * @param now  the current instant: notice and horizon count from it
     */
    public static List<Slot> freeSlots(Site site, Motif motif, LocalDate from, LocalDate to,
                                       Map<String, List<TimeWindow>> busy, Instant now) {
        if (!motif.offeredAt(site.id()) || to.isBefore(from)) {
            return List.of();
        }
        Instant earliest = now.plus(motif.rules().minimumNotice());
        Instant latest = now.plus(motif.rules().maximumHorizon());
        List<Slot> slots = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            for (TimeWindow open : site.hours().windows(date)) {
                for (Instant start = open.start(); !start.plus(motif.duration()).isAfter(open.end());
                     start = start.plus(motif.duration())) {
                    TimeWindow window = new TimeWindow(start, start.plus(motif.duration()));
                    if (start.isBefore(earliest) || start.isAfter(latest) || site.hours().closureDuring(window).isPresent()) {
                        continue;
                    }
                    for (String counter : CounterChoice.free(site, window, busy)) {
                        slots.add(new Slot(site.id(), counter, window));
                    }
                }
            }
        }
        slots.sort(Comparator.comparing((Slot s) -> s.window().start()).thenComparing(Slot::counter));
        return slots;
    }

    /** Whether a slot of the motif may start at {@code start}: inside an open period and on the period's grid. */
    public static boolean isOnGrid(Site site, Motif motif, Instant start) {
        LocalDate date = start.atZone(site.hours().zone()).toLocalDate();
        for (TimeWindow open : site.hours().windows(date)) {
            if (!start.isBefore(open.start()) && !start.plus(motif.duration()).isAfter(open.end())) {
                long offset = java.time.Duration.between(open.start(), start).toSeconds();
                return offset % motif.duration().toSeconds() == 0;
            }
        }
        return false;
    }
}
