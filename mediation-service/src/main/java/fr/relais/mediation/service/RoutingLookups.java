package fr.relais.mediation.service;

import fr.relais.mediation.domain.RequiredSkills;
import fr.relais.mediation.downstream.JourneyRoutingClient;
import fr.relais.mediation.persistence.CaseEntity;
import fr.relais.mediation.persistence.CaseRoutingEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.LockMode;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Learns the skills of open cases from journey-service, after the case opened (never inside the Kafka consumer's
 * transaction: a slow journey-service must not hold a partition). Due rows of {@code case_routing} are leased in one
 * short transaction ({@code FOR UPDATE SKIP LOCKED}, next lookup pushed a lease away), looked up outside it, and
 * stored in another; a failure (journey-service down, no token, a refusal) only pushes the next lookup further away,
 * up to {@link #MAX_DELAY}. Until then the case is "skills unknown" and any mediator of its pool may take it.
 */
@ApplicationScoped
public class RoutingLookups {

    static final int BATCH = 20;
    static final Duration LEASE = Duration.ofSeconds(30);
    static final Duration FIRST_DELAY = Duration.ofSeconds(5);
    static final Duration MAX_DELAY = Duration.ofMinutes(5);
    // HQL, not native SQL: a native select with a result class is a new entry in Hibernate's query plan cache at every call
    private static final String DUE = "select r from CaseRoutingEntity r join CaseEntity c on c.id = r.caseId"
            + " where r.requiredSkills is null and r.nextLookupAt <= :now and c.status <> 'RESOLVED' order by r.nextLookupAt";

    @Inject
    @RestClient
    JourneyRoutingClient journeys;

    @Inject
    Clock clock;

    /** One due lookup: the case and its journey. */
    record Due(UUID caseId, UUID journeyId, int attempts) {
    }

    @Scheduled(every = "${relais.routing.poll-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        return lookUpDue().onFailure().invoke(failure -> Log.warnf("routing lookups: %s", failure.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Looks up the due cases; emits how many now know their skills. */
    public Uni<Integer> lookUpDue() {
        return lease().flatMap(due -> Multi.createFrom().iterable(due)
                .onItem().transformToUniAndConcatenate(this::lookUp)
                .collect().asList()
                .map(results -> (int) results.stream().filter(Boolean::booleanValue).count()));
    }

    private Uni<List<Due>> lease() {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session ->
                        session.createSelectionQuery(DUE, CaseRoutingEntity.class).setParameter("now", now).setMaxResults(BATCH)
                                .setLockMode("r", LockMode.UPGRADE_SKIPLOCKED).getResultList())
                .flatMap(rows -> {
                    if (rows.isEmpty()) {
                        return Uni.createFrom().item(List.<Due>of());
                    }
                    rows.forEach(row -> {
                        row.attempts++;
                        row.nextLookupAt = now.plus(LEASE);
                    });
                    List<UUID> ids = rows.stream().map(row -> row.caseId).toList();
                    return CaseEntity.<CaseEntity>list("id in ?1", ids).map(cases -> {
                        Map<UUID, UUID> journeyOf = cases.stream().collect(Collectors.toMap(c -> c.id, c -> c.journeyId));
                        return rows.stream().map(row -> new Due(row.caseId, journeyOf.get(row.caseId), row.attempts)).toList();
                    });
                }));
    }

    private Uni<Boolean> lookUp(Due due) {
        // the time limits are the client's own (quarkus.rest-client.journey-service.*-timeout, quarkus.oidc-client.*):
        // they fail on the request's Vert.x context, where the transactions below may run
        return journeys.routing(due.journeyId())
                .map(answer -> RequiredSkills.of(answer.requiredSkills() == null ? List.of() : answer.requiredSkills()))
                .flatMap(skills -> store(due, skills).replaceWith(true))
                .onFailure().recoverWithUni(failure -> {
                    // ids and the failure's class only: the answer never carries personal data, and neither does this
                    Log.warnf("skills of case %s (journey %s) unknown after attempt %d: %s", due.caseId(), due.journeyId(),
                            due.attempts(), failure.getClass().getSimpleName());
                    return retryLater(due).replaceWith(false);
                });
    }

    private Uni<Void> store(Due due, RequiredSkills skills) {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> CaseRoutingEntity.update(
                "requiredSkills = ?1, knownAt = ?2, nextLookupAt = null where caseId = ?3", skills.stored(), now, due.caseId()))
                .replaceWithVoid();
    }

    private Uni<Void> retryLater(Due due) {
        return Panache.withTransaction(() -> CaseRoutingEntity.update("nextLookupAt = ?1 where caseId = ?2",
                clock.instant().plus(delay(due.attempts())), due.caseId())).replaceWithVoid();
    }

    /** 5 s, 10 s, 20 s… doubling after each failed attempt, at most 5 minutes. */
    static Duration delay(int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, 10));
        Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }
}
