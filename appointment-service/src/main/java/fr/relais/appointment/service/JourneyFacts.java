package fr.relais.appointment.service;

import fr.relais.appointment.persistence.BookingEntity;
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
import fr.relais.messaging.inbox.ProcessedMessages;
import fr.relais.messaging.outbox.OutboxRelay;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;

/**
 * Applies the journey facts bookings depend on, once per record: the record id is stored in
 * processed_message in the same transaction as the effect, so a redelivery changes nothing. The facts are
 * the journey's owner and procedure, and what gives staff a reason to act on it (claim, handoff to a site,
 * presence, verified call, mandates), mirrored from journey-service's own state.
 */
@ApplicationScoped
public class JourneyFacts {

    /** This consumer's name in processed_message. */
    static final String CONSUMER = "appointment-service.journey-events";
    private static final String RECORD_START = "insert into journey_fact (journey_id, owner_subject, procedure_id)"
            + " values (:journey, :owner, :procedure) on conflict do nothing";
    private static final String RECORD_MANDATE = "insert into journey_mandate (mandate_id, journey_id, site, procedure_id, expires_at)"
            + " values (:mandate, :journey, :site, :procedure, :expires)"
            + " on conflict (mandate_id) do update set site = excluded.site, procedure_id = excluded.procedure_id,"
            + " expires_at = excluded.expires_at, revoked = false";

    @Inject
    BookingTransitions bookings;

    @Inject
    OutboxRelay relay;

    @Inject
    ProcessedMessages processed;

    public Uni<Void> apply(String recordId, JourneyEvent event) {
        return Panache.withTransaction(() -> processed.once(CONSUMER, recordId, () -> effect(event)))
                .invoke(relay::publishSoon);
    }

    private Uni<Void> effect(JourneyEvent event) {
        if (event instanceof JourneyStarted started) {
            // a journey started by staff for a person without account has no citizen owner
            String owner = started.actor().roles().contains(Caller.CITIZEN) ? started.actor().subject() : null;
            Uni<Void> recorded = Panache.getSession()
                    .flatMap(session -> session.createNativeQuery(RECORD_START).setParameter("journey", started.journeyId())
                            .setParameter("owner", owner).setParameter("procedure", started.procedureId()).executeUpdate())
                    .replaceWithVoid();
            return owner == null ? recorded : recorded
                    .flatMap(ignored -> BookingEntity.update("ownerSubject = ?1 where journeyId = ?2 and ownerSubject is null",
                            owner, started.journeyId()))
                    .replaceWithVoid();
        }
        if (event instanceof JourneyAttached attached) {
            // the citizen took a journey an agent started for her: she owns it, and its bookings, from now on
            String owner = attached.actor().subject();
            return fact(attached, "ownerSubject = :owner", Map.of("owner", owner))
                    .flatMap(ignored -> BookingEntity.update("ownerSubject = ?1 where journeyId = ?2 and ownerSubject is null",
                            owner, attached.journeyId()))
                    .replaceWithVoid();
        }
        if (event instanceof JourneyClaimed claimed) {
            return fact(claimed, "claimedBy = :agent, handoffSite = null", Map.of("agent", claimed.actor().subject()));
        }
        if (event instanceof JourneyReleased released) {
            return fact(released, "claimedBy = null, handoffSite = null", Map.of());
        }
        if (event instanceof HandoffRequested handoff) {
            // a new handoff ends the claim, as in journey-service; a handoff to the phone names no site
            return handoff.site() == null ? fact(handoff, "claimedBy = null, handoffSite = null", Map.of())
                    : fact(handoff, "claimedBy = null, handoffSite = :site", Map.of("site", handoff.site()));
        }
        if (event instanceof PresenceRecorded presence) {
            return fact(presence, "presentSite = :site, presentAt = :at", Map.of("site", presence.site(), "at", presence.occurredAt()));
        }
        if (event instanceof CallerVerified verified) {
            return fact(verified, "verifiedBy = :agent, verifiedUntil = :until",
                    Map.of("agent", verified.actor().subject(), "until", verified.verifiedUntil()));
        }
        if (event instanceof MandateGranted granted) {
            return Panache.getSession()
                    .flatMap(session -> session.createNativeQuery(RECORD_MANDATE).setParameter("mandate", granted.mandateId())
                            .setParameter("journey", granted.journeyId()).setParameter("site", granted.site())
                            .setParameter("procedure", granted.procedureId()).setParameter("expires", granted.expiresAt())
                            .executeUpdate())
                    .replaceWithVoid();
        }
        if (event instanceof MandateRevoked revoked) {
            return Panache.getSession()
                    .flatMap(session -> session.createMutationQuery("update JourneyMandateEntity set revoked = true where mandateId = :mandate")
                            .setParameter("mandate", revoked.mandateId()).executeUpdate())
                    .replaceWithVoid();
        }
        if (event instanceof StepCompleted completed) {
            return bookings.cancelOfStep(completed.journeyId(), completed.stepId(), "step-completed");
        }
        if (event instanceof JourneyCompleted completed) {
            return ended(completed);
        }
        if (event instanceof JourneyCancelled cancelled) {
            return ended(cancelled).flatMap(ignored -> bookings.cancelAllOfJourney(cancelled.journeyId(), "journey-cancelled"));
        }
        if (event instanceof JourneyAbandoned abandoned) {
            return ended(abandoned).flatMap(ignored -> bookings.cancelAllOfJourney(abandoned.journeyId(), "journey-abandoned"));
        }
        return Uni.createFrom().voidItem();
    }

    /** An ended journey is nobody's to hold any more, waits in no queue, and gets no new booking. */
    private Uni<Void> ended(JourneyEvent event) {
        return fact(event, "claimedBy = null, handoffSite = null, endedAt = :at", Map.of("at", event.occurredAt()));
    }

    /** Updates the journey's fact row (none yet: nothing to update, its JourneyStarted was not seen). */
    private static Uni<Void> fact(JourneyEvent event, String assignments, Map<String, Object> parameters) {
        return Panache.getSession().flatMap(session -> {
            var query = session.createMutationQuery("update JourneyFactEntity set " + assignments + " where journeyId = :journey")
                    .setParameter("journey", event.journeyId());
            parameters.forEach(query::setParameter);
            return query.executeUpdate();
        }).replaceWithVoid();
    }
}
