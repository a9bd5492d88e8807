package fr.relais.mediation.domain;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.time.Instant;
import java.util.List;
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
}
