package fr.relais.mediation.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FrictionScorerTest {

    static final UUID JOURNEY = UUID.fromString("0b6f1c7e-3a52-4d8e-9f21-6c4b2a7d9e10");
    static final Instant T0 = Instant.parse("2026-03-12T09:00:00Z");
    static final FrictionPolicy POLICY = Policies.withSignals("""
            validation-error: { weight: 2, window: PT2H, halfLife: PT1H }
            went-back:        { weight: 1.5, window: PT2H, halfLife: PT1H, minOccurrences: 3, maxCount: 1 }
            no-show:          { weight: 6, window: P7D, halfLife: P3D }
            help-requested:   { weight: 10, window: PT24H, halfLife: PT12H, maxCount: 1 }
            """);

    static int n;

    static Signal signal(SignalKind kind, Instant at) {
        return signal(kind, at, 1);
    }

    static Signal signal(SignalKind kind, Instant at, int count) {
        return new Signal("s" + (++n), JOURNEY, kind, "formulaire", "portal", null, count, at);
    }

    @Test
    void freshSignalsAddUpTheirWeights() {
        FrictionScore score = FrictionScorer.score(POLICY, null, List.of(signal(SignalKind.VALIDATION_ERROR, T0),
                signal(SignalKind.VALIDATION_ERROR, T0), signal(SignalKind.NO_SHOW, T0)), T0);
        assertThat(score.total()).isCloseTo(10.0, within(1e-9));
        assertThat(score.crossed()).isTrue();
        assertThat(score.threshold()).isEqualTo(10.0);
        assertThat(score.contributions()).hasSize(3);
        assertThat(score.contributions().get(0).kind()).isEqualTo(SignalKind.NO_SHOW);
    }

    @Test
    void aSignalHalvesEveryHalfLife() {
        FrictionScore score = FrictionScorer.score(POLICY, null, List.of(signal(SignalKind.VALIDATION_ERROR, T0)),
                T0.plus(Duration.ofHours(1)));
        assertThat(score.total()).isCloseTo(1.0, within(1e-9));
        assertThat(score.contributions().get(0).decay()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void aSignalOutsideItsWindowNoLongerCounts() {
        List<Signal> signals = List.of(signal(SignalKind.VALIDATION_ERROR, T0));
        assertThat(FrictionScorer.score(POLICY, null, signals, T0.plus(Duration.ofHours(2))).total()).isCloseTo(0.5, within(1e-9));
        FrictionScore later = FrictionScorer.score(POLICY, null, signals, T0.plus(Duration.ofHours(2)).plusSeconds(1));
        assertThat(later.total()).isZero();
        assertThat(later.contributions()).isEmpty();
    }

    @Test
    void kindsWithMinOccurrencesCountOnlyWhenRepeated() {
        List<Signal> twice = List.of(signal(SignalKind.WENT_BACK, T0), signal(SignalKind.WENT_BACK, T0));
        assertThat(FrictionScorer.score(POLICY, null, twice, T0).total()).isZero();
        List<Signal> thrice = List.of(signal(SignalKind.WENT_BACK, T0), signal(SignalKind.WENT_BACK, T0),
                signal(SignalKind.WENT_BACK, T0));
        assertThat(FrictionScorer.score(POLICY, null, thrice, T0).total()).isCloseTo(4.5, within(1e-9));
        // one of the three left the window: not repeated any more
        List<Signal> spread = List.of(signal(SignalKind.WENT_BACK, T0.minus(Duration.ofHours(3))),
                signal(SignalKind.WENT_BACK, T0), signal(SignalKind.WENT_BACK, T0));
        assertThat(FrictionScorer.score(POLICY, null, spread, T0).total()).isZero();
    }

    @Test
    void countsAreCappedByMaxCount() {
        FrictionScore score = FrictionScorer.score(POLICY, null, List.of(signal(SignalKind.VALIDATION_ERROR, T0, 40)), T0);
        assertThat(score.total()).isCloseTo(6.0, within(1e-9)); // default maxCount 3
        assertThat(score.contributions().get(0).countUsed()).isEqualTo(3);
        FrictionScore zero = FrictionScorer.score(POLICY, null, List.of(signal(SignalKind.VALIDATION_ERROR, T0, 0)), T0);
        assertThat(zero.total()).isCloseTo(2.0, within(1e-9)); // a count of 0 is one occurrence
    }

    @Test
    void procedureOverridesChangeThresholdAndWeights() {
        List<Signal> signals = List.of(signal(SignalKind.VALIDATION_ERROR, T0));
        FrictionScore base = FrictionScorer.score(POLICY, "cni-renouvellement", signals, T0);
        assertThat(base.total()).isCloseTo(2.0, within(1e-9));
        assertThat(base.threshold()).isEqualTo(10.0);
        FrictionScore overridden = FrictionScorer.score(POLICY, "aide-logement", signals, T0);
        assertThat(overridden.total()).isCloseTo(4.0, within(1e-9));
        assertThat(overridden.threshold()).isEqualTo(5.0);
        // the override only changed the weight: window and half-life are inherited
        assertThat(POLICY.rulesFor("aide-logement").get(SignalKind.VALIDATION_ERROR).halfLife()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void signalsFromTheFutureCountAsFreshAndUnweighedKindsAreIgnored() {
        FrictionScore score = FrictionScorer.score(POLICY, null, List.of(signal(SignalKind.VALIDATION_ERROR, T0.plusSeconds(30)),
                signal(SignalKind.STEP_VIEWED, T0), signal(SignalKind.CALL_DROPPED, T0)), T0);
        assertThat(score.total()).isCloseTo(2.0, within(1e-9));
        assertThat(score.contributingKinds()).containsExactly(SignalKind.VALIDATION_ERROR);
    }

    @Test
    void theEvaluationTimeOfAReplayIsTheLatestSignal() {
        List<Signal> signals = List.of(signal(SignalKind.VALIDATION_ERROR, T0), signal(SignalKind.VALIDATION_ERROR, T0.plusSeconds(60)));
        assertThat(FrictionScorer.latest(signals, Instant.EPOCH)).isEqualTo(T0.plusSeconds(60));
        assertThat(FrictionScorer.latest(List.of(), Instant.EPOCH)).isEqualTo(Instant.EPOCH);
    }

    @Test
    void priorityComesFromScoreAndSignals() {
        FrictionScore noShowAfterErrors = FrictionScorer.score(POLICY, null, List.of(signal(SignalKind.NO_SHOW, T0),
                signal(SignalKind.VALIDATION_ERROR, T0), signal(SignalKind.VALIDATION_ERROR, T0)), T0);
        assertThat(POLICY.priorityOf(noShowAfterErrors)).isEqualTo(Priority.URGENT);
        FrictionScore help = FrictionScorer.score(POLICY, null, List.of(signal(SignalKind.HELP_REQUESTED, T0)), T0);
        assertThat(POLICY.priorityOf(help)).isEqualTo(Priority.NORMAL);
        FrictionScore many = FrictionScorer.score(POLICY, null, List.of(signal(SignalKind.HELP_REQUESTED, T0),
                signal(SignalKind.VALIDATION_ERROR, T0, 3)), T0);
        assertThat(many.total()).isCloseTo(16.0, within(1e-9));
        assertThat(POLICY.priorityOf(many)).isEqualTo(Priority.HIGH);
    }
}
