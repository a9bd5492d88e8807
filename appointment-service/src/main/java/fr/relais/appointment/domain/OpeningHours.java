package fr.relais.appointment.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * When a site is open: weekly hours in the site's zone (local wall-clock times, so 09:00 stays 09:00
 * across daylight-saving changes), minus closures (exceptions: whole days or part of a day) and, unless
 * told otherwise, French public holidays. A partial closure does not move the slot grid: slots keep
 * starting from the period's opening time, and those overlapping the closure are left out.
 */
public record OpeningHours(ZoneId zone, Map<DayOfWeek, List<Period>> weekly, List<Closure> closures,
                           boolean closedOnPublicHolidays) {

    /** One opening period of a day, local time, e.g. 09:00-12:30. */
    public record Period(LocalTime opens, LocalTime closes) {
        public Period {
            Objects.requireNonNull(opens, "opens");
            Objects.requireNonNull(closes, "closes");
            if (!opens.isBefore(closes)) {
                throw new IllegalArgumentException("a period closes after it opens: " + opens + "-" + closes);
            }
        }

        public static Period of(String opens, String closes) {
            return new Period(LocalTime.parse(opens), LocalTime.parse(closes));
        }
    }

    public OpeningHours {
        Objects.requireNonNull(zone, "zone");
        EnumMap<DayOfWeek, List<Period>> copy = new EnumMap<>(DayOfWeek.class);
        weekly.forEach((day, periods) -> copy.put(day, periods.stream()
                .sorted((a, b) -> a.opens().compareTo(b.opens())).toList()));
        weekly = copy;
        closures = List.copyOf(closures);
    }

    /** Hours with whole-day closures only. */
    public OpeningHours(ZoneId zone, Map<DayOfWeek, List<Period>> weekly, Set<LocalDate> closedDates,
                        boolean closedOnPublicHolidays) {
        this(zone, weekly, closedDates.stream().sorted().map(d -> Closure.wholeDay(d, "closed")).toList(), closedOnPublicHolidays);
    }

    /** Closed all day: a whole-day closure, a public holiday (unless the site opens on them) or no hours that weekday. */
    public boolean isClosed(LocalDate date) {
        return closures.stream().anyMatch(c -> c.isWholeDay() && c.date().equals(date))
                || (closedOnPublicHolidays && FrenchPublicHolidays.isHoliday(date))
                || weekly.getOrDefault(date.getDayOfWeek(), List.of()).isEmpty();
    }

    /** The closure that takes away part or all of the window, if any. */
    public java.util.Optional<Closure> closureDuring(TimeWindow window) {
        return closures.stream().filter(c -> c.window(zone).overlaps(window)).findFirst();
    }

    /**
     * The opening periods of a local date, as instants (empty on a day closed all day); partial closures are not
     * cut out here, see {@link #isOpenDuring}. A time that does not exist locally (a DST gap) moves forward.
     */
    public List<TimeWindow> windows(LocalDate date) {
        if (isClosed(date)) {
            return List.of();
        }
        List<TimeWindow> windows = new ArrayList<>();
        for (Period period : weekly.get(date.getDayOfWeek())) {
            windows.add(new TimeWindow(date.atTime(period.opens()).atZone(zone).toInstant(),
                    date.atTime(period.closes()).atZone(zone).toInstant()));
        }
        return windows;
    }

    /** Whether the whole window lies inside one opening period and no closure takes any of it. */
    public boolean isOpenDuring(TimeWindow window) {
        LocalDate date = window.start().atZone(zone).toLocalDate();
        return windows(date).stream().anyMatch(open -> open.contains(window)) && closureDuring(window).isEmpty();
    }
}
