package fr.relais.gateway.web;

import fr.relais.gateway.downstream.JourneyAnswers;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The phone console speaks French: times and messages; and it knows until when the agent may act. */
class PhoneViewsTest {

    @Test
    void timesAreParisTimeInFrench() {
        Instant winter = Instant.parse("2026-03-03T13:35:00Z");
        assertThat(PhoneViews.time(winter)).isEqualTo("14 h 35");
        assertThat(PhoneViews.dayAndTime(winter)).isEqualTo("mardi 3 mars à 14 h 35");
    }

    @Test
    void theTimeBoxEndsWhereItsVerificationSaysWhoeverDecidedIt() {
        Instant started = Instant.parse("2026-03-03T13:00:00Z");
        Instant verified = Instant.parse("2026-03-03T13:20:00Z");
        // started on the call: journey-service verified the call with the start, for 30 minutes
        JourneyAnswers.Detail startedOnCall = detail(List.of(entry(1, started, "journey-started"), entry(2, started, "journey-claimed"),
                entry(3, started, "caller-verified")));
        assertThat(VerificationTimeBox.end(startedOnCall, Duration.ofMinutes(15))).contains(started.plus(Duration.ofMinutes(30)));
        // then a later inbound call verified by the gateway: its own time box
        JourneyAnswers.Detail verifiedLater = detail(List.of(entry(1, started, "journey-started"), entry(2, started, "caller-verified"),
                entry(3, verified, "caller-verified")));
        assertThat(VerificationTimeBox.end(verifiedLater, Duration.ofMinutes(15))).contains(verified.plus(Duration.ofMinutes(15)));
        assertThat(VerificationTimeBox.end(detail(List.of(entry(1, started, "journey-started"))), Duration.ofMinutes(15))).isEmpty();
    }

    @Test
    void onlyKnownCodesBecomeMessages() {
        assertThat(PhoneMessages.of("resume-code-locked").alert()).isTrue();
        assertThat(PhoneMessages.of("rappel-joint").alert()).isFalse();
        assertThat(PhoneMessages.of("<script>")).isNull();
        assertThat(PhoneMessages.of("already-claimed").text()).contains("Un autre agent");
        // the problems the desk words too read the same on the phone
        for (String problem : List.of("resume-code-locked", "too-many-lookups", "no-match", "unknown-person", "unknown-procedure",
                "duplicate-person")) {
            assertThat(PhoneMessages.of(problem).text()).as(problem).isEqualTo(ProblemMessages.text(problem)).doesNotContain(problem);
        }
        assertThat(ProblemMessages.text("no-match")).isEqualTo(CommandMessages.text("check-in-refused"));
    }

    private static JourneyAnswers.TimelineEntry entry(long sequence, Instant at, String what) {
        return new JourneyAnswers.TimelineEntry(sequence, at, what, null, "phone", "phone-agent", null);
    }

    private static JourneyAnswers.Detail detail(List<JourneyAnswers.TimelineEntry> timeline) {
        return new JourneyAnswers.Detail(java.util.UUID.randomUUID(), "aide-logement", 1, "WITH_AGENT", "situation", List.of(), 3,
                null, null, null, false, timeline, null, "verified-call", null, false);
    }
}
