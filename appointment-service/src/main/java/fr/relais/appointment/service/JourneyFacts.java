package fr.relais.appointment.service;

import fr.relais.appointment.messaging.JourneyEventConsumer;
import fr.relais.messaging.outbox.OutboxRelay;
import fr.relais.appointment.persistence.BookingEntity;
import fr.relais.events.journey.JourneyAbandoned;
import fr.relais.events.journey.JourneyCancelled;
import fr.relais.events.journey.JourneyEvent;
import fr.relais.events.journey.JourneyStarted;
import fr.relais.events.journey.StepCompleted;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Applies the journey facts bookings depend on, once per record: the record id is stored in
 * processed_message in the same transaction as the effect, so a redelivery changes nothing.
 */
@ApplicationScoped
public class JourneyFacts {

    // ON CONFLICT DO NOTHING: a concurrent redelivery waits for the first insert and then counts 0, never fails
    private static final String MARK_PROCESSED = "insert into processed_message (consumer, message_id) values (:consumer, :id)"
            + " on conflict do nothing";
    private static final String RECORD_OWNER = "insert into journey_owner (journey_id, owner_subject) values (:journey, :owner)"
            + " on conflict do nothing";

    @Inject
    BookingService bookings;

    @Inject
    OutboxRelay relay;

    public Uni<Void> apply(String recordId, JourneyEvent event) {
        return Panache.withTransaction(() -> Panache.getSession()
                        .flatMap(session -> session.createNativeQuery(MARK_PROCESSED)
                                .setParameter("consumer", JourneyEventConsumer.NAME).setParameter("id", recordId)
                                .executeUpdate())
                        .flatMap(inserted -> inserted == 0 ? Uni.createFrom().voidItem() : effect(event)))
                .invoke(relay::publishSoon);
    }

    private Uni<Void> effect(JourneyEvent event) {
        if (event instanceof JourneyStarted started) {
            if (!started.actor().roles().contains(Caller.CITIZEN)) {
                return Uni.createFrom().voidItem();
            }
            String owner = started.actor().subject();
            return Panache.getSession()
                    .flatMap(session -> session.createNativeQuery(RECORD_OWNER)
                            .setParameter("journey", started.journeyId()).setParameter("owner", owner).executeUpdate())
                    .flatMap(ignored -> BookingEntity.update("ownerSubject = ?1 where journeyId = ?2 and ownerSubject is null",
                            owner, started.journeyId()))
                    .replaceWithVoid();
        }
        if (event instanceof StepCompleted completed) {
            return bookings.cancelOfStep(completed.journeyId(), completed.stepId(), "step-completed");
        }
        if (event instanceof JourneyCancelled cancelled) {
            return bookings.cancelAllOfJourney(cancelled.journeyId(), "journey-cancelled");
        }
        if (event instanceof JourneyAbandoned abandoned) {
            return bookings.cancelAllOfJourney(abandoned.journeyId(), "journey-abandoned");
        }
        return Uni.createFrom().voidItem();
    }
}
