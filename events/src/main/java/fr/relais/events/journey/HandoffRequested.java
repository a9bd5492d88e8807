package fr.relais.events.journey;

import fr.relais.events.channel.Channel;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The journey now waits in a channel's / site's queue; status {@code HANDOFF_PENDING}.
 *
 * @param site null when any site of the channel may take it
 */
public record HandoffRequested(UUID journeyId, long sequence, Instant occurredAt, Actor actor,
                               Channel targetChannel, String site, String reasonCode) implements JourneyEvent {

    public HandoffRequested {
        Objects.requireNonNull(journeyId, "journeyId");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1: " + sequence);
        }
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(targetChannel, "targetChannel");
        Objects.requireNonNull(reasonCode, "reasonCode");
    }
}
