package fr.relais.journey.privacy;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Master-key rotation without downtime: every data key wrapped under another master key than the active one is
 * re-wrapped under it, a batch at a time (rows locked with SKIP LOCKED, so several instances share the work). The
 * gauge {@code relais_data_keys{master_key}} says when an old master key wraps nothing any more and can be removed.
 */
@ApplicationScoped
public class DataKeyRotation {

    static final int BATCH = 500;
    private static final List<String> TABLES = List.of("person", "journey");

    private final Map<String, Long> keysByMaster = new ConcurrentHashMap<>();

    @Inject
    MeterRegistry registry;

    @Scheduled(every = "${relais.data.rotation-interval:1m}", delay = 20, delayUnit = java.util.concurrent.TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return rewrapAll().replaceWithVoid();
    }

    /** Re-wraps until nothing is left under an old master key; the number of keys re-wrapped. */
    public Uni<Long> rewrapAll() {
        return rewrapBatch().flatMap(done -> done == 0 ? count().replaceWith(0L)
                : rewrapAll().map(more -> more + done));
    }

    private Uni<Long> rewrapBatch() {
        MasterKeys keys = DataProtection.masterKeys();
        String current = "w1:" + keys.activeId() + ":%";
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session -> {
            Uni<Long> total = Uni.createFrom().item(0L);
            for (String table : TABLES) {
                total = total.flatMap(sum -> rewrap(session, table, current, keys).map(n -> sum + n));
            }
            return total;
        })).invoke(n -> registry.counter("relais_data_keys_rewrapped").increment(n));
    }

    @SuppressWarnings("unchecked")
    private static Uni<Long> rewrap(Mutiny.Session session, String table, String current, MasterKeys keys) {
        return session.createNativeQuery("select id, data_key from " + table
                        + " where data_key is not null and data_key not like :current limit " + BATCH + " for update skip locked", Object[].class)
                .setParameter("current", current).getResultList()
                .flatMap(rows -> {
                    Uni<Long> chain = Uni.createFrom().item(0L);
                    for (Object[] row : rows) {
                        String rewrapped = keys.rewrap((String) row[1]);
                        chain = chain.flatMap(n -> session.createNativeQuery("update " + table + " set data_key = :key where id = :id")
                                .setParameter("key", rewrapped).setParameter("id", (UUID) row[0]).executeUpdate().map(ignored -> n + 1));
                    }
                    return chain;
                });
    }

    /** Keys per master key, for the gauge. */
    @SuppressWarnings("unchecked")
    public Uni<Map<String, Long>> count() {
        return Panache.withSession(() -> Panache.getSession().flatMap(session -> session.createNativeQuery(
                "select split_part(data_key, ':', 2), count(*) from (select data_key from person where data_key is not null "
                        + "union all select data_key from journey where data_key is not null) k group by 1", Object[].class)
                .getResultList())).map(rows -> {
            Map<String, Long> counts = new java.util.HashMap<>();
            DataProtection.masterKeys().ids().forEach(id -> counts.put(id, 0L));
            rows.forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
            counts.forEach((id, n) -> {
                if (keysByMaster.put(id, n) == null) {
                    Gauge.builder("relais_data_keys", keysByMaster, m -> m.getOrDefault(id, 0L))
                            .tag("master_key", id).description("Data keys wrapped under each master key")
                            .register(registry);
                }
            });
            return Map.copyOf(counts);
        });
    }
}
