package fr.relais.mediation.domain;

import java.time.Instant;

/**
 * How much one signal weighed in a score, and why: weight x min(count, maxCount) x decay.
 *
 * @param decay 1 for a fresh signal, 0.5 after one half-life…
 */
public record Contribution(String sourceId, SignalKind kind, String stepId, String channel, Instant occurredAt,
                           double weight, int countUsed, double decay, double points) {
}
