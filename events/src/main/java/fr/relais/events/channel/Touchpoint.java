package fr.relais.events.channel;

import fr.relais.events.JourneyScoped;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One friction-relevant moment seen by channel-gateway, on {@code channel.touchpoints}.
 *
 * @param touchpointId unique; mediation-service de-duplicates on it
 * @param stepId       the journey step the citizen was on
 * @param site         the site for desk and phone touchpoints, null on the portal
 * @param count        how many of a thing, e.g. invalid fields in one submission; 1 when not countable
 */
public record Touchpoint(UUID touchpointId, UUID journeyId, TouchpointKind kind, String stepId,
                         Channel channel, String site, int count, Instant occurredAt) implements JourneyScoped {

    public Touchpoint {
        Objects.requireNonNull(touchpointId, "touchpointId");
        Objects.requireNonNull(journeyId, "journeyId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
    }
}
