package fr.relais.events.journey;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One call-back attempt and its outcome ({@link CallbackOutcomes}).
 *
 * @param failedAttempts the attempts of this call-back that did not reach the citizen, this one included
 * @param closed         the call-back is over (reached, or the number is wrong): it leaves the queue
 */
public record CallbackAttempted(UUID journeyId, long sequence, Instant occurredAt, Actor actor, UUID callbackId,
                                String outcome, int failedAttempts, boolean closed) implements JourneyEvent {

    public CallbackAttempted {
        Objects.requireNonNull(journeyId, "journeyId");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1: " + sequence);
        }
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(callbackId, "callbackId");
        Objects.requireNonNull(outcome, "outcome");
    }
}
