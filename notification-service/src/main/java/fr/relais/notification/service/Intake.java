package fr.relais.notification.service;

import fr.relais.messaging.inbox.ProcessedMessages;
import fr.relais.notification.domain.Trigger;
import fr.relais.notification.persistence.BookingStateEntity;
import fr.relais.notification.persistence.JourneyActivityEntity;
import fr.relais.notification.persistence.NotificationEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Stores what one event tells, in one transaction with its processed-message id: the booking's and the journey's new
 * state, and the message to send (at most one per event: the event id is unique). Sending happens later (Dispatcher).
 */
@ApplicationScoped
public class Intake {

    @Inject
    ProcessedMessages processed;

    @Inject
    Clock clock;

    public Uni<Void> apply(String consumer, Facts facts) {
        return Panache.withTransaction(() -> processed.markNew(consumer, facts.eventId()).flatMap(first -> {
            if (!first) {
                return Uni.createFrom().voidItem();
            }
            Uni<Void> booking = facts.booking().map(this::booking).orElse(Uni.createFrom().voidItem());
            return booking.flatMap(ignored -> facts.activity().map(a -> activity(facts.eventId(), a))
                            .orElse(Uni.createFrom().nullItem()))
                    .flatMap(site -> facts.request().map(r -> request(facts.eventId(), r, site)).orElse(Uni.createFrom().voidItem()));
        }));
    }

    private Uni<Void> booking(Facts.Booking fact) {
        return BookingStateEntity.<BookingStateEntity>findById(fact.bookingId()).flatMap(found -> {
            BookingStateEntity row = found == null ? new BookingStateEntity() : found;
            row.bookingId = fact.bookingId();
            row.startsAt = fact.startsAt();
            row.cancelled = row.cancelled || fact.cancelled();
            row.updatedAt = fact.at();
            return found == null ? row.persist().replaceWithVoid() : Uni.createFrom().voidItem();
        });
    }

    /** Emits the site a handoff-accepted message names when this fact is the claim of a pending handoff, else the journey's last site. */
    private Uni<String> activity(String eventId, Facts.Activity fact) {
        return JourneyActivityEntity.<JourneyActivityEntity>findById(fact.journeyId()).flatMap(found -> {
            JourneyActivityEntity row = found == null ? new JourneyActivityEntity() : found;
            row.journeyId = fact.journeyId();
            row.updatedAt = fact.at();
            String accepted = null;
            if (fact.site() != null && !fact.site().startsWith("tel-")) {
                row.lastSite = fact.site();
            }
            switch (fact.kind()) {
                case WAITING_ON_CITIZEN -> row.waitingSince = fact.at();
                case HANDOFF_REQUESTED -> {
                    row.waitingSince = null;
                    row.handoffSite = fact.site();
                }
                case CLAIMED -> {
                    row.waitingSince = null;
                    accepted = row.handoffSite == null ? null : (fact.site() == null ? row.handoffSite : fact.site());
                    row.handoffSite = null;
                }
                case WITH_SOMEONE -> row.waitingSince = null;
                case ENDED -> {
                    row.waitingSince = null;
                    row.ended = true;
                }
                case SITE_MET -> {
                }
            }
            Uni<Void> saved = found == null ? row.persist().replaceWithVoid() : Uni.createFrom().voidItem();
            if (accepted == null) {
                return saved.replaceWith(row.lastSite);
            }
            String site = accepted;
            Facts.Request handoff = new Facts.Request(Trigger.HANDOFF_ACCEPTED, fact.journeyId(), null, site, null,
                    null, null, null, fact.at());
            return saved.flatMap(ignored -> request(eventId, handoff, site)).replaceWith((String) null);
        });
    }

    Uni<Void> request(String eventId, Facts.Request request, String lastSite) {
        return store(NotificationRows.of(eventId, request, request.site() == null ? lastSite : request.site(), clock.instant()));
    }

    static Uni<Void> store(NotificationEntity row) {
        // on conflict: the same event seen by another path (a redelivery whose processed id was purged); one message only
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                        "insert into notification (id, event_id, trigger, journey_id, booking_id, site, procedure_id, about_at,"
                                + " previous_at, until_at, occurred_at, created_at, expires_at, status, template, attempts, next_attempt_at)"
                                + " values (:id, :event, :trigger, :journey, :booking, :site, :procedure, :about, :previous, :until,"
                                + " :occurred, :created, :expires, 'new', :template, 0, :next) on conflict (event_id) do nothing")
                .setParameter("id", row.id).setParameter("event", row.eventId).setParameter("trigger", row.trigger)
                .setParameter("journey", row.journeyId).setParameter("booking", row.bookingId).setParameter("site", row.site)
                .setParameter("procedure", row.procedureId).setParameter("about", row.aboutAt)
                .setParameter("previous", row.previousAt).setParameter("until", row.untilAt)
                .setParameter("occurred", row.occurredAt).setParameter("created", row.createdAt)
                .setParameter("expires", row.expiresAt).setParameter("template", row.template)
                .setParameter("next", row.nextAttemptAt).executeUpdate()).replaceWithVoid();
    }

    /** The nudge's own event id: one per waiting period of a journey. */
    static String nudgeEventId(UUID journeyId, Instant waitingSince) {
        return "nudge:" + journeyId + ":" + waitingSince.toEpochMilli();
    }
}
