package fr.relais.mediation.domain;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class FrictionPropertiesTest {

    static final FrictionPolicy POLICY = Policies.shipped();
    static final Instant T0 = Instant.parse("2026-03-12T09:00:00Z");
    static final List<UUID> JOURNEYS = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

    @Provide
    Arbitrary<Signal> signals() {
        return Combinators.combine(
                Arbitraries.of(SignalKind.values()),
                Arbitraries.integers().between(0, 50),
                Arbitraries.longs().between(-3 * 86_400, 10 * 86_400),
                Arbitraries.of(JOURNEYS),
                Arbitraries.of("identite", "formulaire", "justificatifs"),
                Arbitraries.of("portal", "phone", "desk"))
                .as((kind, count, offset, journey, step, channel) -> new Signal(UUID.randomUUID().toString(), journey,
                        kind, step, channel, null, count, T0.plusSeconds(offset)));
    }

    @Property
    void theScoreIsNeverNegativeAndIsTheSumOfItsContributions(@ForAll("signalLists") List<Signal> signals,
                                                             @ForAll @IntRange(min = -86_400, max = 30 * 86_400) int at,
                                                             @ForAll("procedures") String procedure) {
        FrictionScore score = FrictionScorer.score(POLICY, procedure, signals, T0.plusSeconds(at));
        assertThat(score.total()).isGreaterThanOrEqualTo(0);
        assertThat(score.contributions()).allSatisfy(c -> assertThat(c.points()).isGreaterThanOrEqualTo(0));
        assertThat(score.total()).isCloseTo(score.contributions().stream().mapToDouble(Contribution::points).sum(),
                org.assertj.core.api.Assertions.within(1e-6));
    }

    @Provide
    Arbitrary<List<Signal>> signalLists() {
        return signals().list().ofMaxSize(60);
    }

    @Provide
    Arbitrary<String> procedures() {
        return Arbitraries.of("cni-renouvellement", "aide-logement", "changement-adresse", "inconnue");
    }

    sealed interface Step permits Arrive, Resolve {
    }

    record Arrive(Signal signal) implements Step {
    }

    record Resolve(UUID journey) implements Step {
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<Step> arrive = signals().map(Arrive::new);
        Arbitrary<Step> resolve = Arbitraries.of(JOURNEYS).map(Resolve::new);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, arrive), net.jqwik.api.Tuple.of(1, resolve))
                .list().ofMaxSize(80);
    }

    /** Whatever signals arrive and cases get resolved, a journey never has two open cases. */
    @Property
    void aJourneyNeverHasTwoOpenCases(@ForAll("histories") List<Step> history) {
        Map<UUID, List<Signal>> signals = new HashMap<>();
        List<MediationCase> cases = new ArrayList<>();
        for (Step step : history) {
            if (step instanceof Arrive arrive) {
                Signal signal = arrive.signal();
                List<Signal> own = signals.computeIfAbsent(signal.journeyId(), j -> new ArrayList<>());
                own.add(signal);
                FrictionScore score = FrictionScorer.score(POLICY, null, own, FrictionScorer.latest(own, T0));
                boolean hasOpen = cases.stream().anyMatch(c -> c.journeyId().equals(signal.journeyId()) && c.isOpen());
                if (MediationCase.shouldOpen(score, hasOpen)) {
                    cases.add(MediationCase.open(UUID.randomUUID(), score, signal.journeyId(), "93", POLICY, T0));
                }
            } else if (step instanceof Resolve resolve) {
                for (int i = 0; i < cases.size(); i++) {
                    MediationCase c = cases.get(i);
                    if (c.journeyId().equals(resolve.journey()) && c.isOpen()) {
                        cases.set(i, c.claim("m", T0).resolve("m", CaseOutcome.HELPED_ONLINE, T0));
                    }
                }
            }
            for (UUID journey : JOURNEYS) {
                assertThat(cases.stream().filter(c -> c.journeyId().equals(journey) && c.isOpen()).count()).isLessThanOrEqualTo(1);
            }
        }
    }
}
