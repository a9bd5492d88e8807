package fr.relais.journey.domain;

import fr.relais.events.channel.Channel;

import java.time.Instant;

/** The agent who holds the journey, exclusively, since {@code at}. {@code site} is null for staff without one. */
public record Claim(String agentSubject, Channel channel, String site, Instant at) {
}
