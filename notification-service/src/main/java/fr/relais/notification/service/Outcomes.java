package fr.relais.notification.service;

import fr.relais.events.CloudEventAttributes;
import fr.relais.events.Topics;
import fr.relais.events.notification.NotificationDelivered;
import fr.relais.events.notification.NotificationEvent;
import fr.relais.events.notification.NotificationFailed;
import fr.relais.events.notification.NotificationSent;
import fr.relais.messaging.outbox.Outbox;
import fr.relais.notification.domain.Trigger;
import fr.relais.notification.persistence.DeliveryEntity;
import fr.relais.notification.persistence.NotificationEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Every state change of notifications and deliveries, each in its own transaction with the events it publishes
 * (outbox) and then counted. Called by the dispatcher, the receipts and the letter desk.
 */
@ApplicationScoped
public class Outcomes {

    @Inject
    Outbox outbox;

    @Inject
    NotificationMetrics metrics;

    @Inject
    Clock clock;

    /** The notification planned: who she is (ids only) and the deliveries to make. */
    public Uni<Void> planned(UUID notificationId, UUID personId, String accountSubject, List<NewDelivery> deliveries) {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> NotificationEntity.<NotificationEntity>findById(notificationId).flatMap(n -> {
            n.status = "planned";
            n.personId = personId;
            n.accountSubject = accountSubject;
            n.nextAttemptAt = null;
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (NewDelivery delivery : deliveries) {
                chain = chain.flatMap(ignored -> delivery.row(notificationId, now).persist().replaceWithVoid());
            }
            return chain;
        }));
    }

    /** Planning could not ask journey-service now: again later, until the notification expires. */
    public Uni<Void> planLater(UUID notificationId, Instant at) {
        return Panache.withTransaction(() -> NotificationEntity.update("nextAttemptAt = ?1 where id = ?2", at, notificationId))
                .replaceWithVoid();
    }

    /** Nothing will be sent: expired, its appointment cancelled or moved, a stale nudge, or no channel to reach her. */
    public Uni<Void> dropped(UUID notificationId, String status, String reason) {
        return Panache.withTransaction(() -> NotificationEntity.<NotificationEntity>findById(notificationId).flatMap(n -> {
            n.status = status;
            n.reason = reason;
            n.nextAttemptAt = null;
            return publish(new NotificationFailed(n.id, n.journeyId, clock.instant(), n.trigger, reason, n.bookingId))
                    .invoke(() -> {
                        metrics.count("none", n.trigger, status.equals("dropped") ? "dropped" : "failed");
                        countMissedReminder(n, reason);
                    });
        }));
    }

    public Uni<Void> deferred(UUID deliveryId, Instant until) {
        return Panache.withTransaction(() -> DeliveryEntity.<DeliveryEntity>findById(deliveryId).flatMap(d -> {
            d.deferred = true;
            d.nextAttemptAt = until;
            return NotificationEntity.<NotificationEntity>findById(d.notificationId)
                    .invoke(n -> metrics.count(d.channel, n.trigger, "deferred")).replaceWithVoid();
        }));
    }

    public Uni<Void> sent(UUID deliveryId, String providerId, String letterSite, LocalDate letterDay) {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> DeliveryEntity.<DeliveryEntity>findById(deliveryId).flatMap(d -> {
            d.status = "sent";
            d.attempts++;
            d.providerId = providerId;
            d.sentAt = now;
            d.nextAttemptAt = null;
            d.letterSite = letterSite;
            d.letterDay = letterDay;
            return NotificationEntity.<NotificationEntity>findById(d.notificationId).flatMap(n ->
                    publish(new NotificationSent(n.id, n.journeyId, now, n.trigger, d.channel, n.bookingId))
                            .flatMap(ignored -> settle(n))
                            .invoke(() -> {
                                metrics.count(d.channel, n.trigger, "sent");
                                metrics.delay(d.channel, Duration.between(n.occurredAt, now));
                            }));
        }));
    }

    public Uni<Void> retry(UUID deliveryId, String reason, Instant at) {
        return Panache.withTransaction(() -> DeliveryEntity.<DeliveryEntity>findById(deliveryId).flatMap(d -> {
            d.attempts++;
            d.error = reason;
            d.nextAttemptAt = at;
            return NotificationEntity.<NotificationEntity>findById(d.notificationId)
                    .invoke(n -> metrics.count(d.channel, n.trigger, "retried")).replaceWithVoid();
        }));
    }

    /** The channel failed for good (or she withdrew her consent): the fallback, if any, takes over. */
    public Uni<Void> failed(UUID deliveryId, String status, String reason, NewDelivery fallback) {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> DeliveryEntity.<DeliveryEntity>findById(deliveryId).flatMap(d -> {
            d.status = status;
            d.error = reason;
            d.nextAttemptAt = null;
            return NotificationEntity.<NotificationEntity>findById(d.notificationId).flatMap(n -> {
                metrics.count(d.channel, n.trigger, status.equals("dropped") ? "dropped" : "failed");
                Uni<Void> next = fallback == null ? Uni.createFrom().voidItem()
                        : fallback.row(n.id, now).persist().replaceWithVoid();
                return next.flatMap(ignored -> Panache.getSession()).flatMap(session -> session.flush())
                        .flatMap(ignored -> settle(n));
            });
        }));
    }

    /** A delivery receipt for an SMS: delivered, or refused by the network after all. */
    public Uni<Void> receipt(String providerId, boolean delivered, String reason) {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> DeliveryEntity.<DeliveryEntity>find("providerId = ?1 and channel = 'sms'", providerId)
                .firstResult().flatMap(d -> {
                    if (d == null || "delivered".equals(d.status)) {
                        return Uni.createFrom().voidItem(); // a part after the first, or a receipt sent twice
                    }
                    return NotificationEntity.<NotificationEntity>findById(d.notificationId).flatMap(n -> {
                        if (!delivered) {
                            d.error = reason;
                            metrics.count(d.channel, n.trigger, "undelivered");
                            return Uni.createFrom().voidItem();
                        }
                        d.status = "delivered";
                        d.deliveredAt = now;
                        metrics.count(d.channel, n.trigger, "delivered");
                        return publish(new NotificationDelivered(n.id, n.journeyId, now, n.trigger, d.channel, n.bookingId));
                    });
                }));
    }

    /** The site's agent posted the day's letters. Emits how many were marked. */
    public Uni<Integer> posted(String site, LocalDate day) {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> DeliveryEntity.<DeliveryEntity>list(
                "channel = 'letter' and status = 'sent' and letterSite = ?1 and letterDay = ?2", site, day).flatMap(letters -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (DeliveryEntity d : letters) {
                d.status = "delivered";
                d.deliveredAt = now;
                chain = chain.flatMap(ignored -> NotificationEntity.<NotificationEntity>findById(d.notificationId)
                        .flatMap(n -> publish(new NotificationDelivered(n.id, n.journeyId, now, n.trigger, "letter", n.bookingId))
                                .invoke(() -> metrics.count("letter", n.trigger, "delivered"))));
            }
            return chain.replaceWith(letters.size());
        }));
    }

    /** When no delivery is pending any more: done if one went out, else failed. */
    private Uni<Void> settle(NotificationEntity n) {
        return DeliveryEntity.<DeliveryEntity>list("notificationId", n.id).flatMap(deliveries -> {
            if (deliveries.stream().anyMatch(d -> "pending".equals(d.status)) || !"planned".equals(n.status)) {
                return Uni.createFrom().voidItem();
            }
            List<DeliveryEntity> out = deliveries.stream()
                    .filter(d -> "sent".equals(d.status) || "delivered".equals(d.status)).toList();
            if (!out.isEmpty()) {
                n.status = "done";
                if (Trigger.of(n.trigger).map(Trigger::reminder).orElse(false)) {
                    Instant first = out.stream().map(d -> d.sentAt).min(Instant::compareTo).orElseThrow();
                    metrics.reminder(n.aboutAt == null || first.isBefore(n.aboutAt) ? "before-appointment" : "missed");
                }
                return Uni.createFrom().voidItem();
            }
            n.status = "failed";
            n.reason = "channels-failed";
            countMissedReminder(n, n.reason);
            return publish(new NotificationFailed(n.id, n.journeyId, clock.instant(), n.trigger, n.reason, n.bookingId));
        });
    }

    /** A reminder that will not go out is a missed one, unless its appointment was cancelled or moved. */
    private void countMissedReminder(NotificationEntity n, String reason) {
        if (Trigger.of(n.trigger).map(Trigger::reminder).orElse(false) && !reason.equals("cancelled") && !reason.equals("moved")) {
            metrics.reminder("missed");
        }
    }

    private Uni<Void> publish(NotificationEvent event) {
        return outbox.add(Topics.NOTIFICATION_EVENTS, event,
                CloudEventAttributes.forPayload(outbox.source(), event, null, null)).replaceWithVoid();
    }
}
