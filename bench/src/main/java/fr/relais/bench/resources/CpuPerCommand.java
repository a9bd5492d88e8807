package fr.relais.bench.resources;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one journey command cost each process in CPU during a run: the CPU seconds each part used between the run's
 * start and its end (drain included) divided by the commands completed in that span. The stack's sum is the services,
 * Kafka and PostgreSQL; Keycloak, Prometheus and the load generator are shown apart (tokens are cached, scraping
 * does not grow with the load, and the generator is not Relais).
 *
 * @param msPerCommand      milliseconds of CPU per command, by part, in report order
 * @param stackMsPerCommand the sum over the services, Kafka and PostgreSQL
 */
public record CpuPerCommand(String run, long commands, double seconds, Map<String, Double> msPerCommand,
                            double stackMsPerCommand) {

    /** The parts outside the stack's sum. */
    public static final List<String> APART = List.of("keycloak", "prometheus", ProcessSampler.BENCH);

    public static CpuPerCommand between(String run, long commands, double seconds, Map<String, Double> before,
                                        Map<String, Double> after) {
        Map<String, Double> perCommand = new LinkedHashMap<>();
        double stack = 0;
        for (Map.Entry<String, Double> part : after.entrySet()) {
            double used = part.getValue() - before.getOrDefault(part.getKey(), 0.0);
            double ms = commands == 0 ? Double.NaN : used * 1000 / commands;
            perCommand.put(part.getKey(), ms);
            if (!APART.contains(part.getKey())) {
                stack += ms;
            }
        }
        return new CpuPerCommand(run, commands, seconds, perCommand, stack);
    }
}
