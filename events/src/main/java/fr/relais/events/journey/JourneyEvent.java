package fr.relais.events.journey;

import fr.relais.events.JourneyScoped;

import java.time.Instant;

/**
 * A fact about a journey, written by journey-service only. Sealed so that the registry and its
 * tests see every event.
 */
public sealed interface JourneyEvent extends JourneyScoped
        permits JourneyStarted, StepCompleted, WentBack, HandoffRequested, JourneyClaimed, JourneyReleased,
        PresenceRecorded, CallerVerified, MandateGranted, MandateRevoked, JourneyEscalated,
        JourneyDeescalated, JourneyCompleted, JourneyAbandoned, JourneyCancelled, JourneyAttached, CallbackRequested,
        CallbackAttempted, AidantMandateGranted {

    /**
     * Position in the journey's event stream, from 1, without gaps. A consumer that has applied
     * sequence n ignores a redelivered n and knows it missed something when it sees n + 2.
     */
    long sequence();

    Instant occurredAt();

    /** Who caused the event; {@link Actor#system(String)} when a service did. */
    Actor actor();
}
