package fr.relais.notification.service;

import fr.relais.notification.persistence.DeliveryEntity;
import fr.relais.notification.persistence.NotificationEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.LockMode;

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

    // HQL, not native SQL: a native select with a result class is a new entry in Hibernate's query plan cache at every call
    private static final String DUE_NOTIFICATIONS = "from NotificationEntity where status = 'new' and nextAttemptAt <= :now order by nextAttemptAt";
    private static final String DUE_DELIVERIES = "from DeliveryEntity where status = 'pending' and nextAttemptAt <= :now order by nextAttemptAt";

    public Uni<List<NotificationEntity>> notifications(Instant now) {
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session -> session
                .createSelectionQuery(DUE_NOTIFICATIONS, NotificationEntity.class).setParameter("now", now).setMaxResults(BATCH)
                .setLockMode(LockMode.UPGRADE_SKIPLOCKED).getResultList()
                .invoke(rows -> rows.forEach(row -> {
                    row.attempts++;
                    row.nextAttemptAt = now.plus(LEASE);
                }))));
    }

    public Uni<List<DeliveryEntity>> deliveries(Instant now) {
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session -> session
                .createSelectionQuery(DUE_DELIVERIES, DeliveryEntity.class).setParameter("now", now).setMaxResults(BATCH)
                .setLockMode(LockMode.UPGRADE_SKIPLOCKED).getResultList()
                .invoke(rows -> rows.forEach(row -> row.nextAttemptAt = now.plus(LEASE)))));
    }
}
