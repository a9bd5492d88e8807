package fr.relais.gateway.commands;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Command (and new journey) ids. With an Idempotency-Key the id is derived from the caller and the key, so
 * a retried request carries the same id and journey-service applies it once; keys of two callers never collide.
 */
public final class CommandIds {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int MAX_KEY = 200;

    private CommandIds() {
    }

    public static UUID commandId(String subject, String idempotencyKey) {
        return derive(subject, idempotencyKey, "command");
    }

    public static UUID newJourneyId(String subject, String idempotencyKey) {
        return derive(subject, idempotencyKey, "journey");
    }

    private static UUID derive(String subject, String key, String purpose) {
        if (key == null || key.isBlank()) {
            return UUID.randomUUID();
        }
        if (key.length() > MAX_KEY) {
            throw new IllegalArgumentException("Idempotency-Key is longer than " + MAX_KEY + " characters");
        }
        return UUID.nameUUIDFromBytes((purpose + "\n" + subject + "\n" + key).getBytes(StandardCharsets.UTF_8));
    }
}
