package fr.relais.notification.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;

class QuietHoursTest {

    private final QuietHours night = new QuietHours(LocalTime.of(20, 0), LocalTime.of(8, 0), QuietHours.PARIS);

    @Test
    void anSmsDueInTheEveningWaitsForEightTheNextMorningParisTime() {
        // 20:30 UTC in December is 21:30 in Paris; 08:00 Paris the next day is 07:00 UTC
        assertThat(night.allowedFrom(Instant.parse("2026-12-01T20:30:00Z"))).isEqualTo(Instant.parse("2026-12-02T07:00:00Z"));
    }

    @Test
    void anSmsDueBeforeDawnWaitsForEightTheSameMorning() {
        assertThat(night.allowedFrom(Instant.parse("2026-12-02T03:00:00Z"))).isEqualTo(Instant.parse("2026-12-02T07:00:00Z"));
    }

    @Test
    void theDayIsNotQuietAndEightIsAlreadyAllowed() {
        Instant noon = Instant.parse("2026-12-02T11:00:00Z");
        assertThat(night.allowedFrom(noon)).isEqualTo(noon);
        Instant eight = Instant.parse("2026-12-02T07:00:00Z");
        assertThat(night.allowedFrom(eight)).isEqualTo(eight);
    }

    @Test
    void summerTimeMovesTheHourInUtc() {
        // 22:00 Paris in July is 20:00 UTC; 08:00 Paris is 06:00 UTC
        assertThat(night.allowedFrom(Instant.parse("2026-07-14T20:00:00Z"))).isEqualTo(Instant.parse("2026-07-15T06:00:00Z"));
    }
}
