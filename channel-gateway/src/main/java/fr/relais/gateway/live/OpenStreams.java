package fr.relais.gateway.live;

import fr.relais.gateway.config.GatewayConfig;
import fr.relais.gateway.store.Unavailable;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How many live streams each caller holds open, across every instance, capped: one person cannot pin an unbounded
 * number of connections (and journey-service re-checks) on the gateways. Each open stream holds a row of live_stream
 * (gateway database) that its instance renews every {@code relais.gateway.live.renew-every} (20 s) for a minute; a
 * closed stream deletes its row, and the rows of a crashed instance expire by themselves within a minute.
 */
@ApplicationScoped
public class OpenStreams {

    /** Opens a stream only if the caller's unexpired rows are fewer than the maximum; serialised per caller. */
    private static final String OPEN = """
            INSERT INTO live_stream (id, caller, expires_at)
            SELECT $1, $2, now() + interval '60 seconds'
            WHERE (SELECT count(*) FROM live_stream WHERE caller = $2 AND expires_at > now()) < $3""";

    @Inject
    GatewayConfig config;

    @Inject
    Pool pool;

    /** The streams open on this instance, whose rows it renews. */
    private final Set<UUID> held = ConcurrentHashMap.newKeySet();

    /** One open stream; closing it twice frees one slot only. */
    public final class Slot {
        private final UUID id;
        private final AtomicBoolean closed = new AtomicBoolean();

        private Slot(UUID id) {
            this.id = id;
        }

        public void close() {
            if (closed.compareAndSet(false, true)) {
                held.remove(id);
                pool.preparedQuery("DELETE FROM live_stream WHERE id = $1").execute(Tuple.of(id)).subscribe().with(
                        deleted -> { },
                        e -> Log.debugf("a closed stream's row stays until it expires: %s", e.getClass().getName()));
            }
        }
    }

    /**
     * @return a slot for one more stream of this caller (their token's subject), or null when they already hold the
     * most allowed; fails with a 503 problem when the database does not answer
     */
    public Uni<Slot> tryOpen(String caller) {
        UUID id = UUID.randomUUID();
        int max = config.live().maxStreamsPerCaller();
        // the advisory lock (per caller, until commit) makes count-then-insert atomic across instances
        return pool.withTransaction(connection -> connection.preparedQuery("SELECT pg_advisory_xact_lock(hashtext($1))")
                        .execute(Tuple.of(caller))
                        .flatMap(locked -> connection.preparedQuery(OPEN).execute(Tuple.of(id, caller, max))))
                .onFailure().transform(Unavailable::problem)
                .map(inserted -> {
                    if (inserted.rowCount() == 0) {
                        return null;
                    }
                    held.add(id);
                    return new Slot(id);
                });
    }

    /** Keeps this instance's rows alive while their streams are open. */
    @Scheduled(every = "${relais.gateway.live.renew-every:PT20S}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> renew() {
        if (held.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery("UPDATE live_stream SET expires_at = now() + interval '60 seconds' WHERE id = ANY($1)")
                .execute(Tuple.tuple().addArrayOfUUID(held.toArray(new UUID[0])))
                .onFailure().invoke(e -> Log.warnf("open streams not renewed: %s", e.getClass().getName()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
