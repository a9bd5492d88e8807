package fr.relais.mediation.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PingPongDetectorTest {

    static final UUID JOURNEY = UUID.randomUUID();
    static final Instant T0 = Instant.parse("2026-03-12T09:00:00Z");
    static final Duration WINDOW = Duration.ofDays(3);

    static Signal seen(String id, String step, String channel, Instant at) {
        return new Signal(id, JOURNEY, SignalKind.STEP_VIEWED, step, channel, null, 1, at);
    }

    @Test
    void theSameStepOnTwoChannelsIsPingPong() {
        Signal portal = seen("a", "formulaire", "portal", T0);
        Signal phone = seen("b", "formulaire", "phone", T0.plusSeconds(600));
        Optional<Signal> derived = PingPongDetector.detect(List.of(portal), phone, WINDOW);
        assertThat(derived).isPresent();
        assertThat(derived.get().kind()).isEqualTo(SignalKind.CHANNEL_PING_PONG);
        assertThat(derived.get().sourceId()).isEqualTo("ping-pong:" + JOURNEY + ":formulaire:phone+portal");
        assertThat(derived.get().count()).isEqualTo(1);
    }

    @Test
    void oneChannelOrAnotherStepOrOutsideTheWindowIsNot() {
        Signal portal = seen("a", "formulaire", "portal", T0);
        assertThat(PingPongDetector.detect(List.of(portal), seen("b", "formulaire", "portal", T0.plusSeconds(60)), WINDOW)).isEmpty();
        assertThat(PingPongDetector.detect(List.of(portal), seen("c", "identite", "phone", T0.plusSeconds(60)), WINDOW)).isEmpty();
        assertThat(PingPongDetector.detect(List.of(portal), seen("d", "formulaire", "desk", T0.plus(Duration.ofDays(4))), WINDOW)).isEmpty();
    }

    @Test
    void anAttemptRecordedLaterButHappenedEarlierStillCounts() {
        Signal deskLater = seen("a", "formulaire", "desk", T0.plusSeconds(600));
        assertThat(PingPongDetector.detect(List.of(deskLater), seen("b", "formulaire", "portal", T0), WINDOW)).isPresent();
    }

    @Test
    void theSamePingPongHasTheSameSourceIdSoItCountsOnceAndAThirdChannelCountsAgain() {
        Signal portal = seen("a", "formulaire", "portal", T0);
        Signal phone = seen("b", "formulaire", "phone", T0.plusSeconds(60));
        Signal phoneAgain = seen("c", "formulaire", "phone", T0.plusSeconds(120));
        Signal desk = seen("d", "formulaire", "desk", T0.plusSeconds(180));
        String first = PingPongDetector.detect(List.of(portal), phone, WINDOW).orElseThrow().sourceId();
        assertThat(PingPongDetector.detect(List.of(portal, phone), phoneAgain, WINDOW).orElseThrow().sourceId()).isEqualTo(first);
        Signal third = PingPongDetector.detect(List.of(portal, phone, phoneAgain), desk, WINDOW).orElseThrow();
        assertThat(third.sourceId()).isNotEqualTo(first);
        assertThat(third.count()).isEqualTo(2);
    }
}
