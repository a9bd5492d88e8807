package fr.relais.document;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Moments as a French letter or message writes them, Paris time: the hour as "14 h 30", the first of a month as "1er". */
public final class FrenchDates {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM", Locale.FRANCE);
    private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEEE", Locale.FRANCE);

    private FrenchDates() {
    }

    /** "30 novembre 2026 à 14 h 05": a receipt, where the year matters. */
    public static String withYear(Instant instant) {
        ZonedDateTime at = instant.atZone(PARIS);
        return day(at) + " " + MONTH.format(at) + " " + at.getYear() + " à " + time(at);
    }

    /** "mardi 2 décembre à 14 h 30": a reminder, where the weekday helps and the year goes without saying. */
    public static String withWeekday(Instant instant) {
        ZonedDateTime at = instant.atZone(PARIS);
        return WEEKDAY.format(at) + " " + day(at) + " " + MONTH.format(at) + " à " + time(at);
    }

    /** "2 décembre 2026": a letter's date line. */
    public static String date(Instant instant) {
        ZonedDateTime at = instant.atZone(PARIS);
        return day(at) + " " + MONTH.format(at) + " " + at.getYear();
    }

    /** "14 h 30", "9 h 00". */
    public static String time(ZonedDateTime at) {
        return at.getHour() + " h " + String.format(Locale.ROOT, "%02d", at.getMinute());
    }

    private static String day(ZonedDateTime at) {
        return at.getDayOfMonth() == 1 ? "1er" : Integer.toString(at.getDayOfMonth());
    }
}
