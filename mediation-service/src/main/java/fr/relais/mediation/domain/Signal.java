package fr.relais.mediation.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One thing seen about a journey.
 *
 * @param sourceId  unique id of what it was read from (a touchpoint id, a CloudEvents id, a derived key):
 *                  the same record seen twice is one signal
 * @param stepId    the step concerned, null when unknown (e.g. some appointment events)
 * @param channel   {@code portal}, {@code phone}, {@code desk}, null when unknown
 * @param site      the site for desk and phone signals, null otherwise
 * @param count     how many of a thing (invalid fields in one submission); 1 when not countable
 */
public record Signal(String sourceId, UUID journeyId, SignalKind kind, String stepId, String channel, String site,
                     int count, Instant occurredAt) {

    public Signal {
        if (sourceId == null || sourceId.isBlank()) {
            throw new IllegalArgumentException("sourceId is required");
        }
        Objects.requireNonNull(journeyId, "journeyId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
    }
}
