package fr.relais.events.journey;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The citizen (online, or at the desk through the agent holding her journey) names a relative or an aidant who has
 * an account: he may act for her on this journey until the mandate expires or she withdraws it. journey-service
 * issues it itself once it found the aidant's person record and account; only ids travel.
 *
 * @param aidantSubject  the aidant's Keycloak {@code sub} (pseudonymous)
 * @param aidantPersonId the aidant's person record
 */
public record GrantAidantMandate(UUID commandId, UUID journeyId, Actor actor, Instant issuedAt, String aidantSubject,
                                 UUID aidantPersonId, MandateDuration duration) implements JourneyCommand {

    public GrantAidantMandate {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(journeyId, "journeyId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(aidantSubject, "aidantSubject");
        Objects.requireNonNull(aidantPersonId, "aidantPersonId");
        Objects.requireNonNull(duration, "duration");
    }
}
