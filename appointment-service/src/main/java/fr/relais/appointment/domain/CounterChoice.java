package fr.relais.appointment.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which counter of a site a booking takes for a window, as a pure function of the site and its live bookings.
 * A counter is free when no live booking of it overlaps the window; counters are always tried in the site's order.
 * This is only a first choice: PostgreSQL's exclusion constraint has the last word when two requests race.
 */
public final class CounterChoice {

    private CounterChoice() {
    }

    /** A hold that names a counter must name one of the site's. */
    public static Optional<Rejection> checkRequested(Site site, String requested) {
        if (requested == null || site.counters().contains(requested)) {
            return Optional.empty();
        }
        return Optional.of(new Rejection(Rejection.UNKNOWN_COUNTER, "no counter " + requested + " at " + site.id()));
    }

    /**
     * The counters a new hold tries, in order. A named counter of the site is the only one, taken as it is even if
     * busy (the constraint then refuses it: the caller asked for that counter, not for any); a name that is not the
     * site's gives none. Without a name: every free counter of the site.
     *
     * @param requested the counter the request names, or null
     * @param busy      live booking windows per counter id
     */
    public static List<String> forHold(Site site, String requested, TimeWindow window, Map<String, List<TimeWindow>> busy) {
        if (requested != null) {
            return site.counters().contains(requested) ? List.of(requested) : List.of();
        }
        return free(site, window, busy);
    }

    /**
     * The counter a booking moves to: the first free one of the site, where the booking's own current window on its
     * current counter does not count (a booking may move onto, or overlap, the time it leaves).
     */
    public static Optional<String> forMove(Site site, TimeWindow window, Map<String, List<TimeWindow>> busy,
                                           String currentCounter, TimeWindow current) {
        return site.counters().stream()
                .filter(counter -> isFree(window, busy.getOrDefault(counter, List.of()).stream()
                        .filter(w -> !(counter.equals(currentCounter) && w.equals(current))).toList()))
                .findFirst();
    }

    /** The counters of the site that no live booking overlaps during the window, in the site's order. */
    public static List<String> free(Site site, TimeWindow window, Map<String, List<TimeWindow>> busy) {
        return site.counters().stream().filter(counter -> isFree(window, busy.getOrDefault(counter, List.of()))).toList();
    }

    private static boolean isFree(TimeWindow window, List<TimeWindow> taken) {
        return taken.stream().noneMatch(window::overlaps);
    }
}
