package fr.relais.appointment.domain;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;

/**
 * An exceptional closure of a site on one local date: the whole day when {@code from} and {@code to} are
 * absent, otherwise from {@code from} to {@code to} (local wall-clock time in the site's zone).
 */
public record Closure(UUID id, LocalDate date, LocalTime from, LocalTime to, String reason) {

    public Closure {
        Objects.requireNonNull(date, "date");
        if ((from == null) != (to == null)) {
            throw new IllegalArgumentException("a closure gives both from and to, or neither (whole day)");
        }
        if (from != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("a closure ends after it starts: " + from + "-" + to);
        }
    }

    public static Closure wholeDay(LocalDate date, String reason) {
        return new Closure(null, date, null, null, reason);
    }

    public boolean isWholeDay() {
        return from == null;
    }

    /** The closed time as instants; a whole day runs from local midnight to the next. */
    public TimeWindow window(ZoneId zone) {
        return isWholeDay()
                ? new TimeWindow(date.atStartOfDay(zone).toInstant(), date.plusDays(1).atStartOfDay(zone).toInstant())
                : new TimeWindow(date.atTime(from).atZone(zone).toInstant(), date.atTime(to).atZone(zone).toInstant());
    }
}
