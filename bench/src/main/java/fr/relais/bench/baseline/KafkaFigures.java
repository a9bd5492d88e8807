package fr.relais.bench.baseline;

import fr.relais.bench.report.Latency;

/**
 * What the raw broker sustains on this machine: the saturated rate (and its latency, mostly queueing) and the latency
 * at a fixed, open-loop rate. Latency is produce-to-consume, end to end.
 */
public record KafkaFigures(int recordBytes, double maxRecordsPerSecond, Latency atMax, int pacedRecordsPerSecond,
        Latency atPaced, String clientVersion) {
}
