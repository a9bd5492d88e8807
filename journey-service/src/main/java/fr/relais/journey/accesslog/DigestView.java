package fr.relais.journey.accesslog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;

/**
 * A digest as the ops API publishes it: enough to keep a copy elsewhere and check it later, and no chain id (a chain
 * is a person).
 */
public record DigestView(long id, LocalDate day, Instant madeAt, long chains, long entries, String root, String keyId,
                         String signature, String signedText) {

    static DigestView of(long id, DigestText text, String keyId, byte[] signature) {
        return new DigestView(id, text.day(), text.madeAt(), text.chains(), text.entries(), EntryHash.hex(text.root()), keyId,
                Base64.getEncoder().encodeToString(signature), new String(text.signedBytes(), java.nio.charset.StandardCharsets.UTF_8));
    }
}
