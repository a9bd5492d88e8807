package fr.relais.appointment.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.DayOfWeek;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class FrenchPublicHolidaysTest {

    @ParameterizedTest
    @CsvSource({"2024, 2024-03-31", "2025, 2025-04-20", "2026, 2026-04-05", "2027, 2027-03-28", "2038, 2038-04-25",
            "2285, 2285-03-22", "1954, 1954-04-18"})
    void easterSundayMatchesTheCalendar(int year, LocalDate easter) {
        assertThat(FrenchPublicHolidays.easterSunday(year)).isEqualTo(easter);
    }

    @Test
    void elevenHolidaysIn2026IncludingTheEasterBasedOnes() {
        assertThat(FrenchPublicHolidays.of(2026)).containsExactly(
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 6), LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 8),
                LocalDate.of(2026, 5, 14), LocalDate.of(2026, 5, 25), LocalDate.of(2026, 7, 14), LocalDate.of(2026, 8, 15),
                LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 11), LocalDate.of(2026, 12, 25));
    }

    @Test
    void easterBasedHolidaysFallOnTheRightWeekdaysForMany() {
        for (int year = 1900; year <= 2200; year++) {
            LocalDate easter = FrenchPublicHolidays.easterSunday(year);
            assertThat(easter.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
            assertThat(easter).isBetween(LocalDate.of(year, 3, 22), LocalDate.of(year, 4, 25));
            assertThat(FrenchPublicHolidays.of(year)).hasSize(
                    // Ascension can fall on 1 or 8 May (e.g. 2008: Ascension = 1 May)
                    easter.plusDays(39).equals(LocalDate.of(year, 5, 1)) || easter.plusDays(39).equals(LocalDate.of(year, 5, 8)) ? 10 : 11);
        }
    }

    @Test
    void ascensionOnMayDayIn2008() {
        assertThat(FrenchPublicHolidays.easterSunday(2008)).isEqualTo(LocalDate.of(2008, 3, 23));
        assertThat(FrenchPublicHolidays.isHoliday(LocalDate.of(2008, 5, 1))).isTrue();
        assertThat(FrenchPublicHolidays.of(2008)).hasSize(10);
    }
}
