package fr.relais.bench.load;

import fr.relais.bench.report.Latency;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RampTest {

    /** A system that keeps up to {@code capacity} commands/s and then falls behind. */
    private static Ramp.StepRunner systemWithCapacity(double capacity, List<Double> asked) {
        return (label, rate, duration) -> {
            asked.add(rate);
            double done = Math.min(rate, capacity);
            Latency latency = new Latency(100, 5, 10, rate <= capacity ? 20 : 3000, 40);
            return new StepResult(label, rate, done, done / JourneyScript.COMMANDS, latency, 100, 0, Map.of(), 0, 10);
        };
    }

    @Test
    void growsUntilAStepIsNotKeptUpThenTriesHalfwayAndReportsTheBestMeasuredRate() {
        List<Double> asked = new ArrayList<>();
        Ramp.Outcome outcome = new Ramp(systemWithCapacity(500, asked), step -> { }).find(200, 2, 5000, Duration.ofSeconds(1));

        assertThat(asked).containsExactly(200.0, 400.0, 800.0, 600.0);
        assertThat(outcome.maxCommandsPerSecond()).isEqualTo(400.0);
        assertThat(outcome.steps()).hasSize(4);
    }

    @Test
    void aHalfwayStepKeptUpRaisesTheMaximum() {
        List<Double> asked = new ArrayList<>();
        Ramp.Outcome outcome = new Ramp(systemWithCapacity(650, asked), step -> { }).find(200, 2, 5000, Duration.ofSeconds(1));

        assertThat(asked).containsExactly(200.0, 400.0, 800.0, 600.0);
        assertThat(outcome.maxCommandsPerSecond()).isEqualTo(600.0);
    }

    @Test
    void nothingKeptUpMeansNoMaximum() {
        Ramp.Outcome outcome = new Ramp(systemWithCapacity(50, new ArrayList<>()), step -> { }).find(200, 2, 5000, Duration.ofSeconds(1));
        assertThat(outcome.maxCommandsPerSecond()).isZero();
        assertThat(outcome.steps()).hasSize(1);
    }

    @Test
    void aStepWithFailedJourneysOrRefusedStartsIsNotKeptUpEvenAtFullRate() {
        Latency fast = new Latency(100, 5, 10, 20, 40);
        assertThat(new StepResult("ok", 100, 99, 12, fast, 1000, 0, Map.of(), 0, 5).sustained()).isTrue();
        assertThat(new StepResult("failing", 100, 99, 12, fast, 1000, 1, Map.of("x", 1L), 0, 5).sustained()).isFalse();
        assertThat(new StepResult("refused", 100, 99, 12, fast, 1000, 0, Map.of(), 3, 5).sustained()).isFalse();
        assertThat(new StepResult("slow", 100, 99, 12, new Latency(100, 5, 10, 1500, 2000), 1000, 0, Map.of(), 0, 5).sustained()).isFalse();
        assertThat(new StepResult("behind", 100, 90, 11, fast, 1000, 0, Map.of(), 0, 5).sustained()).isFalse();
    }
}
