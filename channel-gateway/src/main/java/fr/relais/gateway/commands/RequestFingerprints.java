package fr.relais.gateway.commands;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Which request first used each (caller, Idempotency-Key): its method, path and body hash. The key alone makes the
 * command id ({@link CommandIds}), so the same key on another request would be answered with the first one's outcome
 * and the second action silently dropped; comparing fingerprints refuses it instead. In memory, bounded, expiring:
 * a key is a retry window, not a record (after expiry journey-service's own de-duplication still applies).
 */
@ApplicationScoped
public class RequestFingerprints {

    private final Cache<String, String> firstUse = Caffeine.newBuilder()
            .maximumSize(200_000).expireAfterWrite(Duration.ofHours(24)).build();

    public enum Use { FIRST, REPEATED, CONFLICTING }

    /** The (caller, key) pair as stored: hashed, so a long key costs no more than a short one. */
    public static String scope(String subject, String key) {
        return sha256((subject + "\n" + key).getBytes(StandardCharsets.UTF_8));
    }

    public static String fingerprint(String method, String path, byte[] body) {
        return method + " " + path + " " + sha256(body);
    }

    /** Records the request if the key is new; tells whether it is the first use, the same request again, or another one. */
    public Use use(String scope, String fingerprint) {
        String first = firstUse.asMap().putIfAbsent(scope, fingerprint);
        if (first == null) {
            return Use.FIRST;
        }
        return first.equals(fingerprint) ? Use.REPEATED : Use.CONFLICTING;
    }

    /** Forgets a first use that was refused before any command was sent, so the caller may correct it under the same key. */
    public void forget(String scope, String fingerprint) {
        firstUse.asMap().remove(scope, fingerprint);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
