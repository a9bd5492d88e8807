package fr.relais.journey.domain;

import fr.relais.events.journey.CallbackWindows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.Comparator;

/** When a call back is due: the first of the citizen's windows (Europe/Paris) that has not ended yet. */
public final class CallbackSchedule {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** The window's occurrence: due from {@code from}, overdue after {@code until}. */
    public record Due(Instant from, Instant until) {
    }

    private CallbackSchedule() {
    }

    /** @param windows known {@link CallbackWindows} codes, at least one */
    public static Due firstDue(Collection<String> windows, Instant now) {
        return windows.stream()
                .map(code -> CallbackWindows.find(code).orElseThrow(() -> new IllegalArgumentException("unknown window " + code)))
                .map(window -> next(window, now))
                .min(Comparator.comparing(Due::from))
                .orElseThrow(() -> new IllegalArgumentException("no window"));
    }

    /** This week's occurrence if it has not ended at {@code now}, else next week's. */
    static Due next(CallbackWindows.Window window, Instant now) {
        LocalDate today = now.atZone(PARIS).toLocalDate();
        LocalDate day = today.with(TemporalAdjusters.nextOrSame(window.day()));
        ZonedDateTime end = day.atTime(window.end()).atZone(PARIS);
        if (!end.toInstant().isAfter(now)) {
            day = day.plusWeeks(1);
            end = day.atTime(window.end()).atZone(PARIS);
        }
        return new Due(day.atTime(window.start()).atZone(PARIS).toInstant(), end.toInstant());
    }
}
