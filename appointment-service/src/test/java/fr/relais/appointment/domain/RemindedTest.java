package fr.relais.appointment.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RemindedTest {

    @Test
    void onlyTheAppointmentRemindersCount() {
        assertThat(Reminded.isReminder("reminder-48h")).isTrue();
        assertThat(Reminded.isReminder("reminder-2h")).isTrue();
        assertThat(Reminded.isReminder("appointment-booked")).isFalse();
        assertThat(Reminded.isReminder("appointment-moved")).isFalse();
        assertThat(Reminded.isReminder("callback-scheduled")).isFalse();
        assertThat(Reminded.isReminder(null)).isFalse();
    }

    @Test
    void theTagHasTwoValues() {
        assertThat(Reminded.tag(null)).isEqualTo("no");
        assertThat(Reminded.tag(Instant.parse("2026-03-14T09:00:00Z"))).isEqualTo("yes");
    }
}
