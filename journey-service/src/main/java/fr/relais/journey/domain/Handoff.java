package fr.relais.journey.domain;

import fr.relais.events.channel.Channel;

import java.time.Instant;

/** The journey waits in a channel's (and, for the desk, a site's) queue. {@code site} is null when any site may take it. */
public record Handoff(Channel targetChannel, String site, String reasonCode, Instant requestedAt) {
}
