package fr.relais.events.journey;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A phone agent called the citizen back; {@code outcome} is one of {@link CallbackOutcomes}. When the citizen was
 * reached, the agent may act on the journey until {@code verifiedUntil}, as after a verified inbound call.
 */
public record RecordCallbackAttempt(UUID commandId, UUID journeyId, Actor actor, Instant issuedAt, UUID callbackId,
                                    String outcome, Instant verifiedUntil) implements JourneyCommand {

    public RecordCallbackAttempt {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(journeyId, "journeyId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(callbackId, "callbackId");
        Objects.requireNonNull(outcome, "outcome");
    }
}
