package fr.relais.journey.privacy;

import fr.relais.journey.procedure.ProcedureCatalog;
import fr.relais.journey.procedure.ProcedureDefinition;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Retention: once a journey ended longer ago than its procedure version's period (after completion, or after
 * abandonment or cancellation), its key is destroyed and its answers, check value and call-back numbers deleted; its
 * events (ids and codes) stay for the statistics. A person record without an account whose journeys are all gone is
 * erased the same way once it is older than {@code relais.retention.person-without-journey}. Batches of
 * {@value #BATCH} rows locked with SKIP LOCKED, so instances share the work. Counts relais_retention_purged{kind}.
 */
@ApplicationScoped
public class RetentionSweep {

    static final int BATCH = 200;
    private static final List<String> COMPLETED = List.of("COMPLETED");
    private static final List<String> ABANDONED = List.of("ABANDONED", "CANCELLED");

    @Inject
    ProcedureCatalog catalog;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "relais.retention.person-without-journey", defaultValue = "P6M")
    Period personWithoutJourney;

    private Counter journeys;
    private Counter persons;

    @PostConstruct
    void counters() {
        journeys = Counter.builder("relais_retention_purged").tag("kind", "journey")
                .description("Journeys and person records whose personal data the retention sweep erased").register(registry);
        persons = Counter.builder("relais_retention_purged").tag("kind", "person").register(registry);
    }

    @Scheduled(every = "${relais.retention.sweep-interval:1h}", delay = 2, delayUnit = java.util.concurrent.TimeUnit.MINUTES,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return sweep(clock.instant()).onFailure().invoke(failure -> Log.warnf("retention sweep: %s", failure.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    public record Swept(long journeys, long persons) {
    }

    /** Everything past its retention at {@code now} (the service's clock; a test moves it). */
    public Uni<Swept> sweep(Instant now) {
        Uni<Long> swept = Uni.createFrom().item(0L);
        for (ProcedureDefinition version : catalog.all()) {
            swept = swept.flatMap(n -> journeysOf(version, COMPLETED, cutoff(now, version.retention().afterCompletion()), now).map(m -> n + m))
                    .flatMap(n -> journeysOf(version, ABANDONED, cutoff(now, version.retention().afterAbandonment()), now).map(m -> n + m));
        }
        return swept.flatMap(j -> persons(now).map(p -> new Swept(j, p)));
    }

    private static Instant cutoff(Instant now, Period period) {
        return now.atZone(ZoneOffset.UTC).minus(period).toInstant();
    }

    private Uni<Long> journeysOf(ProcedureDefinition version, List<String> statuses, Instant endedBefore, Instant now) {
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session -> session.createNativeQuery(
                        "select id from journey where procedure_id = :procedure and procedure_version = :version and erased_at is null "
                                + "and status in (:statuses) and updated_at < :before order by updated_at limit " + BATCH
                                + " for update skip locked", UUID.class)
                .setParameter("procedure", version.id()).setParameter("version", version.version())
                .setParameter("statuses", statuses).setParameter("before", endedBefore)
                .getResultList()
                .flatMap(ids -> ids.isEmpty() ? Uni.createFrom().item(0L) : erase(session, ids, now))))
                .flatMap(n -> n == BATCH ? journeysOf(version, statuses, endedBefore, now).map(more -> n + more) : Uni.createFrom().item(n));
    }

    private Uni<Long> erase(Mutiny.Session session, List<UUID> ids, Instant now) {
        return session.createNativeQuery("delete from journey_answer where journey_id in (:ids)").setParameter("ids", ids).executeUpdate()
                .flatMap(i -> session.createNativeQuery("delete from journey_check_value where journey_id in (:ids)").setParameter("ids", ids).executeUpdate())
                .flatMap(i -> session.createNativeQuery("delete from callback_contact where journey_id in (:ids)").setParameter("ids", ids).executeUpdate())
                .flatMap(i -> session.createNativeQuery("update journey set data_key = null, erased_at = :now, erased_reason = 'retention' "
                        + "where id in (:ids)").setParameter("now", now).setParameter("ids", ids).executeUpdate())
                .invoke(n -> journeys.increment(n))
                .map(Integer::longValue);
    }

    private Uni<Long> persons(Instant now) {
        Instant createdBefore = cutoff(now, personWithoutJourney);
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session -> session.createNativeQuery(
                        "update person p set data_key = null, sealed = null, identity_index = null, erased_at = :now, "
                                + "erased_reason = 'retention', consent_email = false, consent_sms = false, consent_phone = false, "
                                + "consent_letter = false, consent_surveys = false where p.id in (select id from person q where q.erased_at is null "
                                + "and q.account_subject is null and q.created_at < :before and not exists (select 1 from journey j "
                                + "where j.person_id = q.id and j.erased_at is null) limit " + BATCH + " for update skip locked)")
                .setParameter("now", now).setParameter("before", createdBefore).executeUpdate()
                // her consent records would point at nobody
                .call(n -> session.createNativeQuery("delete from consent c using person p where c.person_id = p.id "
                        + "and p.erased_at = :now and p.erased_reason = 'retention'").setParameter("now", now).executeUpdate())))
                .invoke(n -> persons.increment(n))
                .flatMap(n -> n == BATCH ? persons(now).map(more -> n + more) : Uni.createFrom().item((long) n));
    }
}
