package fr.relais.events.journey;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The caller on the current phone call is verified until {@code verifiedUntil}. The gateway checked the
 * resume code and check field through journey-service's HTTP lookup; their values never travel on Kafka.
 */
public record VerifyCaller(UUID commandId, UUID journeyId, Actor actor, Instant issuedAt,
                           Instant verifiedUntil) implements JourneyCommand {

    public VerifyCaller {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(journeyId, "journeyId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(verifiedUntil, "verifiedUntil");
    }
}
