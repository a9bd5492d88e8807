package fr.relais.events.journey;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The citizen is physically present at a site: one of the reasons that allows an agent to act for them.
 *
 * @param source how presence was established, e.g. {@code appointment-check-in} or {@code desk}
 */
public record RecordPresence(UUID commandId, UUID journeyId, Actor actor, Instant issuedAt, String site,
                             String source) implements JourneyCommand {

    public RecordPresence {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(journeyId, "journeyId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(source, "source");
    }
}
