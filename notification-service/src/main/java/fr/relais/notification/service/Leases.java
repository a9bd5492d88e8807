package fr.relais.notification.service;

import fr.relais.notification.persistence.DeliveryEntity;
import fr.relais.notification.persistence.NotificationEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Takes due rows for one pass and pushes their next attempt past the lease, in one short transaction (SKIP LOCKED): two
 * instances never take the same row, and a row whose instance died is taken again when its lease ends.
 */
@ApplicationScoped
public class Leases {

    static final int BATCH = 20;
    static final Duration LEASE = Duration.ofMinutes(2);

    private static final String DUE_NOTIFICATIONS = "select * from notification where status = 'new' and next_attempt_at <= :now"
            + " order by next_attempt_at limit " + BATCH + " for update skip locked";
    private static final String DUE_DELIVERIES = "select * from delivery where status = 'pending' and next_attempt_at <= :now"
            + " order by next_attempt_at limit " + BATCH + " for update skip locked";

    public Uni<List<NotificationEntity>> notifications(Instant now) {
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session -> session
                .createNativeQuery(DUE_NOTIFICATIONS, NotificationEntity.class).setParameter("now", now).getResultList()
                .invoke(rows -> rows.forEach(row -> {
                    row.attempts++;
                    row.nextAttemptAt = now.plus(LEASE);
                }))));
    }

    public Uni<List<DeliveryEntity>> deliveries(Instant now) {
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session -> session
                .createNativeQuery(DUE_DELIVERIES, DeliveryEntity.class).setParameter("now", now).getResultList()
                .invoke(rows -> rows.forEach(row -> row.nextAttemptAt = now.plus(LEASE)))));
    }
}
