package fr.relais.notification.service;

import fr.relais.notification.config.NotificationConfig;
import fr.relais.notification.domain.Trigger;
import fr.relais.notification.persistence.JourneyActivityEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.LockMode;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** One nudge per waiting period: a journey left waiting on its citizen for N days gets one message, then none until she acts. */
@ApplicationScoped
public class Nudges {

    // HQL, not native SQL: a native select with a result class is a new entry in Hibernate's query plan cache at every call
    private static final String DUE = "from JourneyActivityEntity where ended = false and waitingSince <= :cutoff"
            + " and (nudgedFor is null or nudgedFor <> waitingSince)";

    @Inject
    NotificationConfig config;

    @Inject
    Clock clock;

    @Scheduled(every = "1m", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        return createDue().replaceWithVoid().onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Emits how many nudges were created. */
    public Uni<Integer> createDue() {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session -> session
                .createSelectionQuery(DUE, JourneyActivityEntity.class).setParameter("cutoff", now.minus(config.nudgeAfter()))
                .setMaxResults(50).setLockMode(LockMode.UPGRADE_SKIPLOCKED).getResultList()).flatMap(rows -> nudge(rows, now)));
    }

    private Uni<Integer> nudge(List<JourneyActivityEntity> rows, Instant now) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (JourneyActivityEntity row : rows) {
            row.nudgedFor = row.waitingSince;
            Facts.Request request = new Facts.Request(Trigger.JOURNEY_WAITING, row.journeyId, null, row.lastSite, null,
                    row.waitingSince, null, null, now);
            chain = chain.flatMap(ignored -> Intake.store(NotificationRows.of(Intake.nudgeEventId(row.journeyId, row.waitingSince),
                    request, row.lastSite, now)));
        }
        return chain.replaceWith(rows.size());
    }
}
