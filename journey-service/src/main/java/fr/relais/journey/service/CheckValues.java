package fr.relais.journey.service;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The check value that goes with a resume code: the citizen's full birth date, stored in ISO form
 * ({@code 1984-03-12}). A birth year alone has some 80 plausible values, too few against guessing; a full
 * date has ~29,000. Agents type what the caller says, so the French day-first forms are accepted too.
 */
public final class CheckValues {

    /** What the agent may type, for error messages. */
    public static final String FORMATS = "the birth date as 1984-03-12 or 12/03/1984 (also 12-03-1984, 12.03.1984, 12 03 1984)";

    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    /** Day first, then month, then a four-digit year; one separator kind throughout; never month-first. */
    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})([/.\\- ])(\\d{1,2})\\2(\\d{4})");

    private CheckValues() {
    }

    /** The ISO birth date the typed value stands for, or empty when it is not an existing calendar date. */
    public static Optional<String> birthDate(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String value = typed.strip();
        Matcher iso = ISO.matcher(value);
        if (iso.matches()) {
            return date(iso.group(1), iso.group(2), iso.group(3));
        }
        Matcher dayFirst = DAY_FIRST.matcher(value);
        if (dayFirst.matches()) {
            return date(dayFirst.group(4), dayFirst.group(3), dayFirst.group(1));
        }
        return Optional.empty();
    }

    private static Optional<String> date(String year, String month, String day) {
        try {
            // LocalDate.of refuses 31/02 or month 13: a typo is an invalid value, never a different date
            return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)).toString());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
