package fr.relais.notification.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * No SMS at night (Paris time): a text that comes due in the quiet hours waits for their end, it is never dropped for
 * that. The hours may wrap midnight (20:00 to 08:00).
 */
public record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** When an SMS due at {@code at} may go: {@code at} itself outside the quiet hours, else their end. */
    public Instant allowedFrom(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean wraps = start.isAfter(end);
        boolean quiet = wraps ? (!time.isBefore(start) || time.isBefore(end)) : (!time.isBefore(start) && time.isBefore(end));
        if (!quiet) {
            return at;
        }
        ZonedDateTime endToday = local.with(end);
        // after the start on a wrapping night, the end is tomorrow morning
        ZonedDateTime ends = wraps && !time.isBefore(start) ? endToday.plusDays(1) : endToday;
        return ends.toInstant();
    }
}
