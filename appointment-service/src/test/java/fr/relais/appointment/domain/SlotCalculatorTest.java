package fr.relais.appointment.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static fr.relais.appointment.domain.DemoWorld.*;
import static org.assertj.core.api.Assertions.assertThat;

class SlotCalculatorTest {

    /** Thursday 5 March 2026, 08:00 in Paris. */
    static final Instant NOW = ZonedDateTime.of(2026, 3, 5, 8, 0, 0, 0, PARIS).toInstant();

    @Test
    void aFullDayHasSlotsInBothPeriodsOnEveryCounter() {
        LocalDate monday = LocalDate.of(2026, 3, 9);
        List<Slot> slots = SlotCalculator.freeSlots(AUBERVILLIERS, BIOMETRIE, monday, monday, Map.of(), NOW);
        // 09:00-12:30 = 210 min -> 10 slots of 20 min (12:20 would end at 12:40); 13:30-17:00 -> 10; two counters
        assertThat(slots).hasSize(40);
        assertThat(slots.get(0).window().start()).isEqualTo(paris(2026, 3, 9, 9, 0));
        assertThat(slots).noneMatch(s -> s.window().start().equals(paris(2026, 3, 9, 12, 20)));
        assertThat(slots).anyMatch(s -> s.window().start().equals(paris(2026, 3, 9, 13, 30)));
        assertThat(slots).allMatch(s -> AUBERVILLIERS.hours().isOpenDuring(s.window()));
    }

    @Test
    void gueretIsClosedOnWednesdayAfternoon() {
        LocalDate wednesday = LocalDate.of(2026, 3, 11);
        List<Slot> slots = SlotCalculator.freeSlots(GUERET, BIOMETRIE, wednesday, wednesday, Map.of(), NOW);
        assertThat(slots).hasSize(10).allMatch(s -> s.window().end().isBefore(paris(2026, 3, 11, 12, 31)));
    }

    @Test
    void weekendsPublicHolidaysAndClosedDatesHaveNoSlots() {
        Instant early = paris(2026, 4, 1, 8, 0);
        assertThat(SlotCalculator.freeSlots(AUBERVILLIERS, BIOMETRIE, LocalDate.of(2026, 4, 4), LocalDate.of(2026, 4, 6), Map.of(), early))
                .as("Saturday, Sunday, Easter Monday").isEmpty();
        assertThat(SlotCalculator.freeSlots(AUBERVILLIERS, BIOMETRIE, LocalDate.of(2026, 5, 14), LocalDate.of(2026, 5, 14), Map.of(), early))
                .as("Ascension Thursday").isEmpty();
        Site closedForTraining = new Site(AUBERVILLIERS.id(), AUBERVILLIERS.name(), "93", Channel.DESK,
                new OpeningHours(PARIS, weekdays(false), Set.of(LocalDate.of(2026, 4, 7)), true), AUBERVILLIERS.counters());
        assertThat(SlotCalculator.freeSlots(closedForTraining, BIOMETRIE, LocalDate.of(2026, 4, 7), LocalDate.of(2026, 4, 7), Map.of(), early)).isEmpty();
        assertThat(SlotCalculator.freeSlots(closedForTraining, BIOMETRIE, LocalDate.of(2026, 4, 8), LocalDate.of(2026, 4, 8), Map.of(), early)).hasSize(40);
    }

    @Test
    void wallClockHoursHoldAcrossTheDaylightSavingChange() {
        // Clocks go forward on Sunday 29 March 2026: 09:00 Paris is 08:00Z before, 07:00Z after.
        Instant early = paris(2026, 3, 20, 8, 0);
        Slot friday = SlotCalculator.freeSlots(GUERET, BIOMETRIE, LocalDate.of(2026, 3, 27), LocalDate.of(2026, 3, 27), Map.of(), early).get(0);
        Slot monday = SlotCalculator.freeSlots(GUERET, BIOMETRIE, LocalDate.of(2026, 3, 30), LocalDate.of(2026, 3, 30), Map.of(), early).get(0);
        assertThat(friday.window().start()).isEqualTo(Instant.parse("2026-03-27T08:00:00Z"));
        assertThat(monday.window().start()).isEqualTo(Instant.parse("2026-03-30T07:00:00Z"));
        // and back on Sunday 25 October 2026
        Slot october = SlotCalculator.freeSlots(GUERET, BIOMETRIE, LocalDate.of(2026, 10, 26), LocalDate.of(2026, 10, 26), Map.of(),
                paris(2026, 10, 1, 8, 0)).get(0);
        assertThat(october.window().start()).isEqualTo(Instant.parse("2026-10-26T08:00:00Z"));
    }

    @Test
    void aSlotOverlappingALiveBookingIsNotFreeOnThatCounterOnly() {
        LocalDate monday = LocalDate.of(2026, 3, 9);
        TimeWindow taken = new TimeWindow(paris(2026, 3, 9, 9, 10), paris(2026, 3, 9, 9, 40)); // overlaps 09:00 and 09:20
        List<Slot> slots = SlotCalculator.freeSlots(AUBERVILLIERS, BIOMETRIE, monday, monday,
                Map.of("fs-aubervilliers-g1", List.of(taken)), NOW);
        assertThat(slots).filteredOn(s -> s.counter().equals("fs-aubervilliers-g1")).hasSize(18)
                .noneMatch(s -> s.window().overlaps(taken));
        assertThat(slots).filteredOn(s -> s.counter().equals("fs-aubervilliers-g2")).hasSize(20);
    }

    @Test
    void noticeAndHorizonTrimTheRange() {
        Instant mondayTen = paris(2026, 3, 9, 10, 0);
        List<Slot> slots = SlotCalculator.freeSlots(GUERET, BIOMETRIE, LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 9), Map.of(), mondayTen);
        assertThat(slots).allMatch(s -> !s.window().start().isBefore(mondayTen.plus(Duration.ofHours(2))));
        assertThat(slots.get(0).window().start()).as("12:00-12:20 still fits before 12:30").isEqualTo(paris(2026, 3, 9, 12, 0));
        assertThat(SlotCalculator.freeSlots(GUERET, BIOMETRIE, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 1), Map.of(), NOW))
                .as("beyond 60 days").isEmpty();
    }

    @Test
    void aPartialClosureRemovesOverlappingSlotsAndKeepsTheGrid() {
        LocalDate monday = LocalDate.of(2026, 3, 9);
        Closure training = new Closure(java.util.UUID.randomUUID(), monday, java.time.LocalTime.of(10, 10),
                java.time.LocalTime.of(11, 0), "formation");
        Site closedAMorningHour = new Site(GUERET.id(), GUERET.name(), "23", Channel.DESK,
                new OpeningHours(PARIS, weekdays(true), List.of(training), true), GUERET.counters());
        List<Instant> starts = SlotCalculator.freeSlots(closedAMorningHour, ACCOMPAGNEMENT, monday, monday, Map.of(), NOW)
                .stream().map(s -> s.window().start()).toList();
        // 30-minute grid from 09:00: 10:00 and 10:30 touch the closure; 11:00 stays on the grid (not 11:00 + shift)
        assertThat(starts).contains(paris(2026, 3, 9, 9, 30), paris(2026, 3, 9, 11, 0), paris(2026, 3, 9, 13, 30))
                .doesNotContain(paris(2026, 3, 9, 10, 0), paris(2026, 3, 9, 10, 30));
        assertThat(starts).hasSize(14 - 2);
        assertThat(BookingPolicy.check(closedAMorningHour, ACCOMPAGNEMENT, "aide-logement", "situation",
                paris(2026, 3, 9, 10, 30), NOW, false)).get().extracting(Rejection::reason).isEqualTo(Rejection.CLOSED);
    }

    @Test
    void aMotifNotOfferedAtTheSiteHasNoSlots() {
        Site saintDenis = new Site("fs-saint-denis", "x", "93", Channel.DESK, FULL_WEEK, List.of("c"));
        assertThat(SlotCalculator.freeSlots(saintDenis, ACCOMPAGNEMENT, LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 9), Map.of(), NOW)).isEmpty();
    }

    static Instant paris(int y, int m, int d, int h, int min) {
        return ZonedDateTime.of(y, m, d, h, min, 0, 0, PARIS).toInstant();
    }
}
