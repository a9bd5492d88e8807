package fr.relais.appointment.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RemindersAndNoShowsTest {

    static final Instant START = Instant.parse("2026-03-16T09:00:00Z");

    @Test
    void bothRemindersWhenBookedWellAhead() {
        assertThat(Reminders.schedule(START, START.minus(Duration.ofDays(5)))).containsExactly(
                new Reminders.Due("h48", START.minus(Duration.ofHours(48))),
                new Reminders.Due("h2", START.minus(Duration.ofHours(2))));
    }

    @Test
    void aReminderWhoseTimeHasPassedIsNotScheduled() {
        assertThat(Reminders.schedule(START, START.minus(Duration.ofHours(10))))
                .extracting(Reminders.Due::code).containsExactly("h2");
        assertThat(Reminders.schedule(START, START.minus(Duration.ofHours(1)))).isEmpty();
    }

    @Test
    void aReminderNeverFiresAfterTheStartOrForACancelledBooking() {
        assertThat(Reminders.shouldFire(BookingStatus.CONFIRMED, START, START.minusSeconds(1))).isTrue();
        assertThat(Reminders.shouldFire(BookingStatus.CONFIRMED, START, START)).isFalse();
        assertThat(Reminders.shouldFire(BookingStatus.CANCELLED, START, START.minus(Duration.ofHours(3)))).isFalse();
        assertThat(Reminders.shouldFire(BookingStatus.HELD, START, START.minus(Duration.ofHours(3)))).isFalse();
    }

    @Test
    void aNoShowOnlyAfterTheGracePeriodAndOnlyIfNotCheckedIn() {
        assertThat(NoShows.DEFAULT.isNoShow(BookingStatus.CONFIRMED, START, START.plus(Duration.ofMinutes(14)))).isFalse();
        assertThat(NoShows.DEFAULT.isNoShow(BookingStatus.CONFIRMED, START, START.plus(Duration.ofMinutes(15)))).isTrue();
        assertThat(NoShows.DEFAULT.isNoShow(BookingStatus.CHECKED_IN, START, START.plus(Duration.ofHours(1)))).isFalse();
        assertThat(NoShows.DEFAULT.isNoShow(BookingStatus.CANCELLED, START, START.plus(Duration.ofHours(1)))).isFalse();
    }

    @Test
    void theGraceIsWhatTheServiceIsConfiguredWith() {
        NoShows fiveMinutes = new NoShows(Duration.ofMinutes(5), NoShows.DEFAULT_EARLY_CHECK_IN);
        assertThat(fiveMinutes.checkAt(START)).isEqualTo(START.plus(Duration.ofMinutes(5)));
        assertThat(fiveMinutes.isNoShow(BookingStatus.CONFIRMED, START, START.plus(Duration.ofMinutes(4)))).isFalse();
        assertThat(fiveMinutes.isNoShow(BookingStatus.CONFIRMED, START, START.plus(Duration.ofMinutes(5)))).isTrue();
        Instant end = START.plus(Duration.ofMinutes(20));
        assertThat(fiveMinutes.mayCheckIn(BookingStatus.CONFIRMED, START, end, end.plus(Duration.ofMinutes(6)))).isFalse();
        assertThat(NoShows.DEFAULT.mayCheckIn(BookingStatus.CONFIRMED, START, end, end.plus(Duration.ofMinutes(6)))).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new NoShows(Duration.ofMinutes(-1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void checkInOpensAnHourBefore() {
        Instant end = START.plus(Duration.ofMinutes(20));
        assertThat(NoShows.DEFAULT.mayCheckIn(BookingStatus.CONFIRMED, START, end, START.minus(Duration.ofMinutes(61)))).isFalse();
        assertThat(NoShows.DEFAULT.mayCheckIn(BookingStatus.CONFIRMED, START, end, START.minus(Duration.ofMinutes(30)))).isTrue();
        assertThat(NoShows.DEFAULT.mayCheckIn(BookingStatus.HELD, START, end, START)).isFalse();
    }
}
