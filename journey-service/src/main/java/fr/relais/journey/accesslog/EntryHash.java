package fr.relais.journey.accesslog;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;

/**
 * SHA-256 of the previous entry's hash and this entry's fields, in an unambiguous encoding: every field is
 * length-prefixed (a null has its own marker), so moving text from one field to the next changes the hash.
 */
public final class EntryHash {

    /** The "previous hash" of a chain's first entry. */
    public static final byte[] GENESIS = new byte[32];

    private static final byte[] DOMAIN = "relais access-log entry v1".getBytes(StandardCharsets.UTF_8);

    private EntryHash() {
    }

    public static byte[] of(byte[] previous, LoggedAccess entry) {
        MessageDigest sha256 = sha256();
        sha256.update(DOMAIN);
        sha256.update(previous);
        field(sha256, entry.chainId());
        sha256.update(ByteBuffer.allocate(16).putLong(entry.sequence())
                .putLong(ChronoUnit.MICROS.between(java.time.Instant.EPOCH, entry.at())).array());
        field(sha256, entry.journeyId());
        field(sha256, entry.personId());
        field(sha256, entry.actorSubject());
        field(sha256, entry.actorRole());
        field(sha256, entry.actorSite());
        field(sha256, entry.channel());
        field(sha256, entry.action());
        field(sha256, entry.reason());
        return sha256.digest();
    }

    public static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void field(MessageDigest sha256, UUID value) {
        field(sha256, value == null ? null : value.toString());
    }

    private static void field(MessageDigest sha256, String value) {
        if (value == null) {
            sha256.update(ByteBuffer.allocate(4).putInt(-1).array());
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        sha256.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        sha256.update(bytes);
    }
}
