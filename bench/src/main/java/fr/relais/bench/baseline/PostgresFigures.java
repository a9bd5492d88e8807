package fr.relais.bench.baseline;

import fr.relais.bench.report.Latency;

/** What the raw database sustains on this machine: single-row autocommit INSERTs over {@code connections} connections. */
public record PostgresFigures(int connections, double transactionsPerSecond, Latency latency, String serverVersion) {
}
