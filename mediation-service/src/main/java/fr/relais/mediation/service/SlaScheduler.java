package fr.relais.mediation.service;

import fr.relais.events.CloudEventAttributes;
import fr.relais.events.Topics;
import fr.relais.events.mediation.MediationEvent;
import fr.relais.events.mediation.MediationSlaAtRisk;
import fr.relais.events.mediation.MediationSlaBreached;
import fr.relais.mediation.domain.FrictionPolicy;
import fr.relais.mediation.domain.MediationCase;
import fr.relais.mediation.domain.SlaKind;
import fr.relais.mediation.domain.SlaTimer;
import fr.relais.messaging.outbox.Outbox;
import fr.relais.messaging.outbox.OutboxRelay;
import fr.relais.mediation.persistence.CaseEntity;
import fr.relais.mediation.persistence.CaseHistoryEntity;
import fr.relais.mediation.persistence.SlaTimerEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import org.hibernate.LockMode;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Fires SLA timers: due rows in PostgreSQL, taken with {@code FOR UPDATE SKIP LOCKED} so that several
 * instances share the work and a timer fires once; a row is marked fired in the same transaction as the
 * events it causes, so a crash before the commit fires it again after the restart, never zero times.
 * An SLA already met (first contact made, case resolved) is marked {@code met} without an event. A breach
 * moves the case one rung up the ladder: back in its pool's queue, unassigned, priority raised, and that SLA's
 * clock restarted at the raised priority's length (two new timers), so a case nobody takes keeps climbing.
 */
@ApplicationScoped
public class SlaScheduler {

    private static final int BATCH = 50;
    // HQL, not native SQL: a native select with a result class is a new entry in Hibernate's query plan cache at every call
    private static final String DUE = "from SlaTimerEntity where firedAt is null and dueAt <= :now order by dueAt, id";

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    MediationMetrics metrics;

    @Inject
    Clock clock;

    @Inject
    FrictionPolicy policy;

    @Scheduled(every = "${relais.sla.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        return fireDue().onFailure().invoke(failure -> Log.warnf("SLA timers: %s", failure.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Fires the timers due now; emits how many were handled. */
    public Uni<Integer> fireDue() {
        Instant now = clock.instant();
        List<Runnable> afterCommit = new java.util.concurrent.CopyOnWriteArrayList<>();
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session ->
                        session.createSelectionQuery(DUE, SlaTimerEntity.class).setParameter("now", now).setMaxResults(BATCH)
                                .setLockMode(LockMode.UPGRADE_SKIPLOCKED).getResultList())
                .flatMap(timers -> Multi.createFrom().iterable(timers)
                        .onItem().transformToUniAndConcatenate(timer -> fire(timer, now, afterCommit))
                        .collect().asList()
                        .map(List::size)))
                .invoke(count -> {
                    afterCommit.forEach(Runnable::run);
                    if (count > 0) {
                        relay.publishSoon();
                    }
                });
    }

    private Uni<Void> fire(SlaTimerEntity timer, Instant now, List<Runnable> afterCommit) {
        SlaKind sla = SlaKind.fromWire(timer.sla);
        return CaseEntity.<CaseEntity>findById(timer.caseId, LockModeType.PESSIMISTIC_WRITE).flatMap(entity -> {
            timer.firedAt = now;
            MediationCase before = entity.toDomain();
            if (before.met(sla)) {
                timer.result = "met";
                return Uni.createFrom().voidItem();
            }
            timer.result = "fired";
            if (!timer.breach) {
                afterCommit.add(() -> metrics.slaAtRisk(sla.wire(), before));
                return publish(new MediationSlaAtRisk(before.id(), before.journeyId(), now, sla.wire(),
                        before.priority().wire(), before.pool(), timer.dueAt))
                        .flatMap(ignored -> CaseHistoryEntity.of(before.id(), now, "sla-at-risk", outbox.source(),
                                sla.wire(), null).persist())
                        .replaceWithVoid();
            }
            MediationCase after = before.breached(sla, policy.slaFor(before.priority().raised()), now);
            entity.apply(after);
            afterCommit.add(() -> metrics.slaBreached(sla.wire(), before));
            return publish(new MediationSlaBreached(after.id(), after.journeyId(), now, sla.wire(),
                    after.priority().wire(), after.pool(), timer.dueAt, after.tier()))
                    .flatMap(ignored -> CaseHistoryEntity.of(after.id(), now, "sla-breached", outbox.source(),
                            sla.wire(), null).persist())
                    .flatMap(ignored -> SlaTimerEntity.persistAll(after.id(), after.tier(),
                            SlaTimer.restart(sla, now, after.dueAt(sla), policy.atRiskRatio())))
                    .replaceWithVoid();
        });
    }

    private Uni<Void> publish(MediationEvent event) {
        return outbox.add(Topics.MEDIATION_EVENTS, event, CloudEventAttributes.forPayload(outbox.source(), event, null, null))
                .replaceWithVoid();
    }
}
