package fr.relais.notification.service;

import fr.relais.notification.domain.Trigger;
import fr.relais.notification.persistence.BookingStateEntity;
import fr.relais.notification.persistence.JourneyActivityEntity;
import fr.relais.notification.persistence.NotificationEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Optional;

/**
 * Why a message is no longer worth sending, asked before planning and again before each send: its moment passed, its
 * appointment was cancelled or moved since, or (a nudge) the citizen moved on.
 */
@ApplicationScoped
public class Staleness {

    public Uni<Optional<String>> reason(NotificationEntity n, Instant now) {
        if (!now.isBefore(n.expiresAt)) {
            return Uni.createFrom().item(Optional.of("expired"));
        }
        Trigger trigger = Trigger.of(n.trigger).orElseThrow();
        if (trigger.aboutAppointment() && n.bookingId != null) {
            return Panache.withSession(() -> BookingStateEntity.<BookingStateEntity>findById(n.bookingId)).map(booking -> {
                if (booking == null) {
                    return Optional.empty();
                }
                if (booking.cancelled) {
                    return Optional.of("cancelled");
                }
                return booking.startsAt.equals(n.aboutAt) ? Optional.empty() : Optional.of("moved");
            });
        }
        if (trigger == Trigger.JOURNEY_WAITING) {
            return Panache.withSession(() -> JourneyActivityEntity.<JourneyActivityEntity>findById(n.journeyId)).map(a ->
                    a == null || a.ended || a.waitingSince == null || !a.waitingSince.equals(n.aboutAt)
                            ? Optional.of("stale") : Optional.empty());
        }
        return Uni.createFrom().item(Optional.empty());
    }
}
