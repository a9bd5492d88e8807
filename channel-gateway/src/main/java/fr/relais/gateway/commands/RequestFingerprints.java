package fr.relais.gateway.commands;

import fr.relais.gateway.store.Unavailable;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Which request first used each (caller, Idempotency-Key): its method, path and body hash. The key alone makes the
 * command id ({@link CommandIds}), so the same key on another request would be answered with the first one's outcome
 * and the second action silently dropped; comparing fingerprints refuses it instead. Kept 24 hours in the gateway's
 * database (table idempotency_key), so every instance sees the same first use: a key is a retry window, not a record
 * (after expiry journey-service's own de-duplication still applies). Only hashes are stored, never the key or body.
 */
@ApplicationScoped
public class RequestFingerprints {

    @Inject
    Pool pool;

    public enum Use { FIRST, REPEATED, CONFLICTING }

    /** The (caller, key) pair as stored: hashed, so a long key costs no more than a short one. */
    public static String scope(String subject, String key) {
        return sha256((subject + "\n" + key).getBytes(StandardCharsets.UTF_8));
    }

    public static String fingerprint(String method, String path, byte[] body) {
        return method + " " + path + " " + sha256(body);
    }

    /**
     * Records the request if the key is new (or its first use expired); tells whether it is the first use, the same
     * request again, or another one. One statement: the upsert locks the row and returns the first use as stored, so two
     * instances receiving the same key at once agree on which request came first.
     */
    public Uni<Use> use(String scope, String fingerprint) {
        return pool.preparedQuery("""
                        INSERT INTO idempotency_key AS k (scope, fingerprint, first_used_at, expires_at)
                        VALUES ($1, $2, now(), now() + interval '24 hours')
                        ON CONFLICT (scope) DO UPDATE SET
                            fingerprint = CASE WHEN k.expires_at <= now() THEN EXCLUDED.fingerprint ELSE k.fingerprint END,
                            first_used_at = CASE WHEN k.expires_at <= now() THEN EXCLUDED.first_used_at ELSE k.first_used_at END,
                            expires_at = CASE WHEN k.expires_at <= now() THEN EXCLUDED.expires_at ELSE k.expires_at END
                        RETURNING fingerprint, first_used_at = now() AS first""")
                .execute(Tuple.of(scope, fingerprint))
                .onFailure().transform(Unavailable::problem)
                .map(rows -> {
                    Row stored = rows.iterator().next();
                    if (!fingerprint.equals(stored.getString("fingerprint"))) {
                        return Use.CONFLICTING;
                    }
                    return stored.getBoolean("first") ? Use.FIRST : Use.REPEATED;
                });
    }

    /** Forgets a first use that was refused before any command was sent, so the caller may correct it under the same key. */
    public Uni<Void> forget(String scope, String fingerprint) {
        return pool.preparedQuery("DELETE FROM idempotency_key WHERE scope = $1 AND fingerprint = $2")
                .execute(Tuple.of(scope, fingerprint))
                .onFailure().transform(Unavailable::problem)
                .replaceWithVoid();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
