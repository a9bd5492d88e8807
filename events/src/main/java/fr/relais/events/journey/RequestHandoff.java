package fr.relais.events.journey;

import fr.relais.events.channel.Channel;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Asks to continue the journey on another channel; the journey waits in that channel's / site's queue.
 *
 * @param site the site whose queue takes the journey, null when any site of the channel may
 */
public record RequestHandoff(UUID commandId, UUID journeyId, Actor actor, Instant issuedAt,
                             Channel targetChannel, String site, String reasonCode) implements JourneyCommand {

    public RequestHandoff {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(journeyId, "journeyId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(targetChannel, "targetChannel");
        Objects.requireNonNull(reasonCode, "reasonCode");
    }
}
