package fr.relais.messaging.lease;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Duration;
import java.util.Objects;

/**
 * A named lease in relais_lease (db/relais-messaging): at most one holder at a time among the instances that share
 * a database. The holder renews it well within its expiry; another contender takes it over only once it has expired,
 * so a crashed holder is replaced after at most one expiry. Taking and renewing are one atomic statement.
 */
public final class Lease {

    // ON CONFLICT ... WHERE: the row is only rewritten (and returned) when this holder already has it or it expired
    private static final String TAKE = "insert into relais_lease (name, holder, expires_at)"
            + " values ($1, $2, now() + make_interval(secs => $3))"
            + " on conflict (name) do update set holder = excluded.holder, expires_at = excluded.expires_at"
            + " where relais_lease.holder = excluded.holder or relais_lease.expires_at < now()"
            + " returning holder";
    private static final String RELEASE = "delete from relais_lease where name = $1 and holder = $2";

    private final String name;
    private final String holder;
    private final Duration expiry;

    /**
     * @param holder this process's id (it need not survive a restart)
     * @param expiry how long the lease lasts without renewal
     */
    public Lease(String name, String holder, Duration expiry) {
        this.name = Objects.requireNonNull(name);
        this.holder = Objects.requireNonNull(holder);
        this.expiry = Objects.requireNonNull(expiry);
    }

    /** Takes or renews the lease; true when this holder has it until now + expiry. */
    public Uni<Boolean> acquire(Pool pool) {
        return pool.preparedQuery(TAKE).execute(Tuple.of(name, holder, expiry.toMillis() / 1000.0))
                .map(rows -> rows.size() == 1);
    }

    /** Gives the lease up (if this holder has it), so another instance takes it at its next attempt, not after expiry. */
    public Uni<Void> release(Pool pool) {
        return pool.preparedQuery(RELEASE).execute(Tuple.of(name, holder)).replaceWithVoid();
    }

    public String name() {
        return name;
    }

    public String holder() {
        return holder;
    }
}
