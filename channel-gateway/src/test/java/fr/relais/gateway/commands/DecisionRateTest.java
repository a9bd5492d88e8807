package fr.relais.gateway.commands;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The decided-per-second estimate the admission of new journeys sizes its backlog by. */
class DecisionRateTest {

    private static final long SECOND = 1_000_000_000L;
    private final DecisionRate rate = new DecisionRate();

    @Test
    void countsTheLastFiveWholeSecondsAndNotTheOneStillCounting() {
        long start = 1_000 * SECOND;
        for (int second = 0; second < 5; second++) {
            for (int i = 0; i < 20; i++) {
                rate.record(start + second * SECOND + i);
            }
        }
        rate.record(start + 5 * SECOND); // the current second: left out

        assertThat(rate.perSecond(start + 5 * SECOND + SECOND / 2)).isEqualTo(20.0);
    }

    @Test
    void forgetsSecondsOlderThanTheWindow() {
        long start = 2_000 * SECOND;
        for (int i = 0; i < 50; i++) {
            rate.record(start + i);
        }

        assertThat(rate.perSecond(start + SECOND)).isEqualTo(10.0);
        assertThat(rate.perSecond(start + 7 * SECOND)).isZero();
    }

    @Test
    void aSlotReusedForALaterSecondStartsFromZero() {
        long start = 3_000 * SECOND;
        for (int i = 0; i < 30; i++) {
            rate.record(start + i);
        }
        rate.record(start + 6 * SECOND); // same slot, six seconds later

        assertThat(rate.perSecond(start + 7 * SECOND)).isEqualTo(0.2);
    }
}
