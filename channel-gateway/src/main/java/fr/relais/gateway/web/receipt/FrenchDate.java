package fr.relais.gateway.web.receipt;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A moment as a French letter writes it: "30 novembre 2026 à 14 h 05", "1er décembre 2026 à 9 h 00", Paris time. */
final class FrenchDate {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRANCE);

    private FrenchDate() {
    }

    static String of(Instant instant) {
        ZonedDateTime at = instant.atZone(PARIS);
        String day = at.getDayOfMonth() == 1 ? "1er" : Integer.toString(at.getDayOfMonth());
        return day + " " + MONTH_YEAR.format(at) + " à " + at.getHour() + " h " + String.format(Locale.ROOT, "%02d", at.getMinute());
    }
}
