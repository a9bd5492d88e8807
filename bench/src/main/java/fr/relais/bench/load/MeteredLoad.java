package fr.relais.bench.load;

import fr.relais.bench.resources.CpuPerCommand;
import fr.relais.bench.resources.ProcessSampler;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the open loop and notes what each run's commands cost every process in CPU (the bench's CPU table). */
public final class MeteredLoad implements Ramp.StepRunner {

    private final OpenLoop load;
    private final ProcessSampler sampler;
    private final List<CpuPerCommand> costs = new ArrayList<>();

    public MeteredLoad(OpenLoop load, ProcessSampler sampler) {
        this.load = load;
        this.sampler = sampler;
    }

    @Override
    public StepResult run(String label, double commandsPerSecond, Duration duration) {
        Map<String, Double> before = sampler.cpuSecondsSoFar();
        long commandsBefore = load.commandsDecided();
        long started = System.nanoTime();
        StepResult result = load.run(label, commandsPerSecond, duration);
        Map<String, Double> after = sampler.cpuSecondsSoFar();
        synchronized (costs) {
            costs.add(CpuPerCommand.between(label, load.commandsDecided() - commandsBefore, (System.nanoTime() - started) / 1e9,
                    before, after));
        }
        return result;
    }

    /** The runs' costs so far, in the order they ended. */
    public List<CpuPerCommand> costs() {
        synchronized (costs) {
            return List.copyOf(costs);
        }
    }
}
