package fr.relais.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Finds the sustained maximum: fixed-rate steps growing by a factor until one is not kept up, then one step halfway
 * between the last kept-up target and the first missed one. The maximum is the best rate actually achieved by a
 * kept-up step (measured, not the target).
 */
public final class Ramp {

    public record Outcome(List<StepResult> steps, double maxCommandsPerSecond) {
    }

    /** One fixed-rate run ({@link OpenLoop#run} in a real run). */
    public interface StepRunner {
        StepResult run(String label, double commandsPerSecond, Duration duration);
    }

    private final StepRunner load;
    private final Consumer<StepResult> progress;

    public Ramp(StepRunner load, Consumer<StepResult> progress) {
        this.load = load;
        this.progress = progress;
    }

    public Outcome find(double startRate, double factor, double maxRate, Duration step) {
        List<StepResult> steps = new ArrayList<>();
        double best = 0;
        double lastKept = 0;
        double firstMissed = 0;
        for (double rate = startRate; rate <= maxRate; rate *= factor) {
            StepResult result = run(rate, step, steps);
            if (!result.sustained()) {
                firstMissed = rate;
                break;
            }
            lastKept = rate;
            best = Math.max(best, result.commandsPerSecond());
        }
        if (firstMissed > 0 && lastKept > 0) {
            StepResult between = run((lastKept + firstMissed) / 2, step, steps);
            if (between.sustained()) {
                best = Math.max(best, between.commandsPerSecond());
            }
        }
        return new Outcome(steps, best);
    }

    private StepResult run(double rate, Duration step, List<StepResult> steps) {
        StepResult result = load.run("ramp " + Math.round(rate), rate, step);
        steps.add(result);
        progress.accept(result);
        return result;
    }
}
