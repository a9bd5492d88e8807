package fr.relais.bench.report;

import org.HdrHistogram.Histogram;

/** Percentiles of one latency histogram (recorded in microseconds), in milliseconds. */
public record Latency(long count, double p50Ms, double p95Ms, double p99Ms, double maxMs) {

    /** A histogram for latencies from 1 µs to 5 minutes with 3 significant digits. */
    public static Histogram newHistogram() {
        return new Histogram(1, 300_000_000L, 3);
    }

    public static Latency of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return new Latency(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Latency(micros.getTotalCount(), ms(micros.getValueAtPercentile(50)), ms(micros.getValueAtPercentile(95)),
                ms(micros.getValueAtPercentile(99)), ms(micros.getMaxValue()));
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }
}
