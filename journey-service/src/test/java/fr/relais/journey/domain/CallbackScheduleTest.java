package fr.relais.journey.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CallbackScheduleTest {

    /** Tuesday 10 March 2026 (Paris UTC+1). */
    @Test
    void theFirstWindowNotYetEndedWins() {
        Instant tuesdayAt13 = Instant.parse("2026-03-10T12:00:00Z");
        CallbackSchedule.Due due = CallbackSchedule.firstDue(List.of("mardi-matin", "mercredi-matin"), tuesdayAt13);
        assertEquals(Instant.parse("2026-03-11T08:00:00Z"), due.from(), "Tuesday morning is over: Wednesday 9:00");
        assertEquals(Instant.parse("2026-03-11T11:30:00Z"), due.until());
    }

    @Test
    void aWindowUnderWayIsDueNowAndAPastOneComesBackNextWeek() {
        Instant tuesdayAt18 = Instant.parse("2026-03-10T17:00:00Z");
        CallbackSchedule.Due due = CallbackSchedule.firstDue(List.of("mardi-apres-midi"), tuesdayAt18);
        assertEquals(Instant.parse("2026-03-17T12:30:00Z"), due.from());
        Instant tuesdayAt14 = Instant.parse("2026-03-10T13:00:00Z");
        assertEquals(Instant.parse("2026-03-10T12:30:00Z"), CallbackSchedule.firstDue(List.of("mardi-apres-midi"), tuesdayAt14).from());
    }

    @Test
    void summerTimeIsParisTime() {
        Instant mondayInJuly = Instant.parse("2026-07-06T06:00:00Z");
        CallbackSchedule.Due due = CallbackSchedule.firstDue(List.of("lundi-matin"), mondayInJuly);
        assertEquals(Instant.parse("2026-07-06T07:00:00Z"), due.from(), "9:00 in Paris is 7:00 UTC in summer");
    }
}
