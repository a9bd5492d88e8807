package fr.relais.events.journey;

import fr.relais.events.JourneyScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * A request to change a journey, decided by journey-service alone. Every command gets exactly one
 * {@link CommandOutcome}, correlated by {@link #commandId()}; a command redelivered with the same id is
 * answered again, not applied twice. Sealed so that the registry and its tests see every command.
 */
public sealed interface JourneyCommand extends JourneyScoped
        permits StartJourney, SubmitStep, GoBack, RequestHandoff, ClaimJourney, ReleaseJourney,
        RecordPresence, VerifyCaller, GrantMandate, RevokeMandate, Escalate, Deescalate, Abandon, Cancel, AttachJourney,
        RequestCallback, RecordCallbackAttempt, GrantAidantMandate {

    /** Chosen by the issuer, so a retry carries the same id and the outcome can be matched. */
    UUID commandId();

    Actor actor();

    Instant issuedAt();
}
