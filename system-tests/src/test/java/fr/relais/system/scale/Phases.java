package fr.relais.system.scale;

import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run cut into named phases (warm-up, before the faults, each fault from its kill until its part is back, after): every
 * decided command counts in the phase it started in, so a fault's latency shows in its own row.
 */
final class Phases {

    record Row(String phase, long commands, double p50Ms, double p99Ms, double maxMs) {
    }

    private record Span(String name, long fromNanos) {
    }

    private final List<Span> spans = new ArrayList<>();
    private final Map<String, Histogram> latencies = new LinkedHashMap<>();
    private final Histogram recent = new Histogram(3);

    Phases(long startNanos) {
        begin("warm-up (ramp to the full rate)", startNanos);
    }

    synchronized void begin(String name, long fromNanos) {
        spans.add(new Span(name, fromNanos));
        latencies.putIfAbsent(name, new Histogram(3));
    }

    synchronized void record(long startedNanos, long latencyMicros) {
        String phase = spans.get(0).name();
        for (Span span : spans) {
            if (span.fromNanos() <= startedNanos) {
                phase = span.name();
            }
        }
        latencies.get(phase).recordValue(Math.max(1, latencyMicros));
        recent.recordValue(Math.max(1, latencyMicros));
    }

    /** The p99 in milliseconds of the commands decided since the last call (0 if none), to tell when the stack has settled. */
    synchronized double recentP99Ms() {
        double p99 = recent.getTotalCount() == 0 ? 0 : recent.getValueAtPercentile(99) / 1000.0;
        recent.reset();
        return p99;
    }

    synchronized List<Row> rows() {
        return latencies.entrySet().stream().map(entry -> {
            Histogram h = entry.getValue();
            return new Row(entry.getKey(), h.getTotalCount(), h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
                    h.getMaxValue() / 1000.0);
        }).toList();
    }
}
