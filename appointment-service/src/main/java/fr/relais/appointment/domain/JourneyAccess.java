package fr.relais.appointment.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What this service knows of a journey that decides who may act on its bookings, as journey.events and
 * mediation.events told it. A null field is a fact not (or no longer) known: no claim, no presence, etc.
 *
 * @param ownerSubject the citizen's pseudonymous sub; null for a journey started by staff for a person without account
 * @param procedureId  null only for journeys learnt before the procedure was recorded
 * @param claimedBy    the agent holding the journey
 * @param handoffSite  the site whose queue the journey waits in, unclaimed
 * @param openCases    mediation cases of the journey not yet resolved
 * @param endedAt      when the journey completed, was cancelled or abandoned; null while it runs
 */
public record JourneyAccess(UUID journeyId, String ownerSubject, String procedureId, String claimedBy, String handoffSite,
                            String presentSite, Instant presentAt, String verifiedBy, Instant verifiedUntil,
                            List<Mandate> mandates, List<MediationCase> openCases, Instant endedAt) {

    /** A journey still running. */
    public JourneyAccess(UUID journeyId, String ownerSubject, String procedureId, String claimedBy, String handoffSite,
                         String presentSite, Instant presentAt, String verifiedBy, Instant verifiedUntil,
                         List<Mandate> mandates, List<MediationCase> openCases) {
        this(journeyId, ownerSubject, procedureId, claimedBy, handoffSite, presentSite, presentAt, verifiedBy, verifiedUntil,
                mandates, openCases, null);
    }

    public JourneyAccess {
        Objects.requireNonNull(journeyId, "journeyId");
        mandates = mandates == null ? List.of() : List.copyOf(mandates);
        openCases = openCases == null ? List.of() : List.copyOf(openCases);
    }

    /** A mandate the citizen gave a site for a procedure, until it expires or is revoked. */
    public record Mandate(String site, String procedureId, Instant expiresAt, boolean revoked) {
    }

    /** An open mediation case: the pool that holds it and the mediator who claimed it (null while unclaimed). */
    public record MediationCase(String pool, String mediator) {
    }
}
