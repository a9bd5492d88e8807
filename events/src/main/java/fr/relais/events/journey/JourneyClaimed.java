package fr.relais.events.journey;

import fr.relais.events.channel.Channel;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An agent took the journey, exclusively; status {@code WITH_AGENT}.
 *
 * @param site the agent's site, null for staff without one
 */
public record JourneyClaimed(UUID journeyId, long sequence, Instant occurredAt, Actor actor, Channel channel,
                             String site) implements JourneyEvent {

    public JourneyClaimed {
        Objects.requireNonNull(journeyId, "journeyId");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1: " + sequence);
        }
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(channel, "channel");
    }
}
