package fr.relais.bench.resources;

/**
 * Memory and CPU of one part of the stack over a sampling window.
 *
 * @param pids            distinct processes seen during the window (the part's process and its descendants)
 * @param peakRssMb       highest summed resident memory seen in one sample
 * @param lastRssMb       summed resident memory in the last sample
 * @param cpuSeconds      CPU time (user + system) consumed within the window
 * @param cpuCoresAverage cpuSeconds divided by the window's wall-clock seconds
 */
public record ProcessFigures(String name, long pids, double peakRssMb, double lastRssMb, double cpuSeconds,
        double cpuCoresAverage) {
}
