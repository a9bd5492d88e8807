package fr.relais.bench.load;

import fr.relais.bench.report.Latency;

import java.util.Map;

/**
 * What one fixed-rate run measured over its steady window: commands and journeys completed per second, command
 * round-trip latency, and what went wrong (failed journeys by command and reason, journeys not started because too
 * many were already in flight).
 */
public record StepResult(String label, double targetCommandsPerSecond, double commandsPerSecond, double journeysPerSecond,
                         Latency latency, long commands, long failedJourneys, Map<String, Long> failures, long notStarted,
                         int maxInFlight) {

    /** Kept up: at least 95 % of the target done, under 0.5 % of journeys failed, none refused, p99 under a second. */
    public boolean sustained() {
        return commandsPerSecond >= 0.95 * targetCommandsPerSecond
                && failedJourneys * JourneyScript.COMMANDS <= 0.005 * Math.max(1, commands)
                && notStarted == 0
                && latency.p99Ms() < 1000;
    }
}
