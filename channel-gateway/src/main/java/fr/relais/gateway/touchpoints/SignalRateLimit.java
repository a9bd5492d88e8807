package fr.relais.gateway.touchpoints;

import fr.relais.gateway.store.Unavailable;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A token bucket per caller for client-side signals (burst of 20, then one every 3 s): a browser cannot flood the
 * friction scoring with made-up signals. The bucket lives in the gateway's database (table signal_bucket) so the
 * limit holds whichever instance each signal reaches.
 */
@ApplicationScoped
public class SignalRateLimit {

    static final int CAPACITY = 20;
    static final int REFILL_SECONDS = 3;

    /**
     * One atomic statement: refill by the time elapsed since the last take (at most the capacity), take one if at least
     * one is there. A bucket without a token is left as it is (its refill is a function of time), and the WHERE of the
     * update then returns no row: a row returned means a token was taken. A bucket idle for CAPACITY * REFILL seconds
     * is full again, as good as none: it expires then.
     */
    private static final String TAKE = """
            INSERT INTO signal_bucket AS b (caller, tokens, updated_at, expires_at)
            VALUES ($1::text, $2::float8 - 1, now(), now() + make_interval(secs => $2::float8 * $3::float8))
            ON CONFLICT (caller) DO UPDATE SET
                tokens = LEAST($2::float8, b.tokens + GREATEST(0, EXTRACT(EPOCH FROM now() - b.updated_at)::float8) / $3::float8) - 1,
                updated_at = GREATEST(b.updated_at, now()),
                expires_at = GREATEST(b.updated_at, now()) + make_interval(secs => $2::float8 * $3::float8)
            WHERE LEAST($2::float8, b.tokens + GREATEST(0, EXTRACT(EPOCH FROM now() - b.updated_at)::float8) / $3::float8) >= 1
            RETURNING tokens""";

    @Inject
    Pool pool;

    /** Takes a token for this caller: true if there was one; a 503 problem when the database does not answer. */
    public Uni<Boolean> tryAcquire(String caller) {
        return pool.preparedQuery(TAKE).execute(Tuple.of(caller, (double) CAPACITY, (double) REFILL_SECONDS))
                .onFailure().transform(Unavailable::problem)
                .map(rows -> rows.rowCount() > 0);
    }
}
