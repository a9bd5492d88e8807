package fr.relais.appointment.messaging;

import fr.relais.appointment.service.MediationFacts;
import fr.relais.events.Topics;
import fr.relais.events.mediation.MediationCaseClaimed;
import fr.relais.events.mediation.MediationCaseOpened;
import fr.relais.events.mediation.MediationCaseResolved;
import fr.relais.events.mediation.MediationEvent;
import fr.relais.events.mediation.MediationSlaBreached;
import fr.relais.messaging.inbox.Inbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.Optional;
import java.util.Set;

/**
 * Reads mediation.events for the mediators who may act on a journey's bookings: a case opened in a pool, claimed
 * by a mediator, put back in its pool unassigned after a missed SLA, resolved (no access any more). Other registered
 * types are acknowledged and skipped; unreadable records go to mediation.events.dlq. Effectively once
 * (processed_message), acknowledged after the commit (Inbox).
 */
@ApplicationScoped
public class MediationEventConsumer {

    private static final Set<Class<?>> WANTED = Set.of(MediationCaseOpened.class, MediationCaseClaimed.class,
            MediationCaseResolved.class, MediationSlaBreached.class);

    @Inject
    MediationFacts facts;

    @Inject
    Inbox inbox;

    @Incoming("mediation-events")
    public Uni<Void> consume(Message<String> message) {
        return inbox.consume(Topics.MEDIATION_EVENTS, message, record -> {
            if (record.contract().filter(type -> !WANTED.contains(type)).isPresent()) {
                return Optional.empty();
            }
            String id = record.id();
            MediationEvent event = record.payload(MediationEvent.class);
            return Inbox.effect(() -> facts.apply(id, event));
        });
    }
}
