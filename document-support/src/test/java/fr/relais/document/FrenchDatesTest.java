package fr.relais.document;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class FrenchDatesTest {

    @Test
    void aReminderNamesTheWeekdayAndTheParisHour() {
        // 13:30 UTC in December is 14:30 in Paris
        assertThat(FrenchDates.withWeekday(Instant.parse("2025-12-02T13:30:00Z"))).isEqualTo("mardi 2 décembre à 14 h 30");
    }

    @Test
    void theFirstOfAMonthIsWrittenPremier() {
        assertThat(FrenchDates.withYear(Instant.parse("2026-12-01T08:00:00Z"))).isEqualTo("1er décembre 2026 à 9 h 00");
        assertThat(FrenchDates.date(Instant.parse("2026-06-01T08:00:00Z"))).isEqualTo("1er juin 2026");
    }

    @Test
    void summerTimeIsTwoHoursAhead() {
        assertThat(FrenchDates.withWeekday(Instant.parse("2026-07-14T07:05:00Z"))).isEqualTo("mardi 14 juillet à 9 h 05");
    }
}
