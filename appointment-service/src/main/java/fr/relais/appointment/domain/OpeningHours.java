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
 * across daylight-saving changes), minus closed dates (exceptions) and, unless told otherwise, French
 * public holidays.
 */
public record OpeningHours(ZoneId zone, Map<DayOfWeek, List<Period>> weekly, Set<LocalDate> closedDates,
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
        closedDates = Set.copyOf(closedDates);
    }

    public boolean isClosed(LocalDate date) {
        return closedDates.contains(date) || (closedOnPublicHolidays && FrenchPublicHolidays.isHoliday(date))
                || weekly.getOrDefault(date.getDayOfWeek(), List.of()).isEmpty();
    }

    /** The open windows of a local date, as instants. A time that does not exist locally (a DST gap) moves forward. */
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

    /** Whether the whole window lies inside one opening period. */
    public boolean isOpenDuring(TimeWindow window) {
        LocalDate date = window.start().atZone(zone).toLocalDate();
        return windows(date).stream().anyMatch(open -> open.contains(window));
    }
}
