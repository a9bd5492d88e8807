package fr.relais.appointment.messaging;

import fr.relais.appointment.service.JourneyFacts;
import fr.relais.events.Topics;
import fr.relais.events.journey.CallerVerified;
import fr.relais.events.journey.HandoffRequested;
import fr.relais.events.journey.JourneyAbandoned;
import fr.relais.events.journey.JourneyAttached;
import fr.relais.events.journey.JourneyCancelled;
import fr.relais.events.journey.JourneyClaimed;
import fr.relais.events.journey.JourneyCompleted;
import fr.relais.events.journey.JourneyEvent;
import fr.relais.events.journey.JourneyReleased;
import fr.relais.events.journey.JourneyStarted;
import fr.relais.events.journey.MandateGranted;
import fr.relais.events.journey.MandateRevoked;
import fr.relais.events.journey.PresenceRecorded;
import fr.relais.events.journey.StepCompleted;
import fr.relais.messaging.inbox.Inbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.Optional;
import java.util.Set;

/**
 * Reads journey.events for the facts bookings depend on: who owns a journey and its procedure (JourneyStarted),
 * what gives staff a reason to act on it (claims, releases, handoffs, presence, verified calls, mandates, its end),
 * steps done before their appointment (StepCompleted: that step's bookings still ahead are released) and journeys
 * that end without their appointments (cancelled, abandoned), whose live bookings are cancelled. Other registered
 * types are acknowledged and skipped. Records that cannot be read go to journey.events.dlq. Acknowledged only
 * after the transaction committed (Inbox).
 */
@ApplicationScoped
public class JourneyEventConsumer {

    private static final Set<Class<?>> WANTED = Set.of(JourneyStarted.class, StepCompleted.class, JourneyCancelled.class,
            JourneyAbandoned.class, JourneyCompleted.class, JourneyClaimed.class, JourneyReleased.class,
            HandoffRequested.class, PresenceRecorded.class, CallerVerified.class, MandateGranted.class, MandateRevoked.class,
            JourneyAttached.class);

    @Inject
    JourneyFacts facts;

    @Inject
    Inbox inbox;

    @Incoming("journey-events")
    public Uni<Void> consume(Message<String> message) {
        return inbox.consume(Topics.JOURNEY_EVENTS, message, record -> {
            if (record.contract().filter(type -> !WANTED.contains(type)).isPresent()) {
                return Optional.empty();
            }
            String id = record.id();
            JourneyEvent event = record.payload(JourneyEvent.class);
            return Inbox.effect(() -> facts.apply(id, event));
        });
    }
}
