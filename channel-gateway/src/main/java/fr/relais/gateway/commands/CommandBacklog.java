package fr.relais.gateway.commands;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The commands this instance sent that journey-service has not decided yet, whether their request still waits or was
 * answered 202: every instance reads every outcome, so it sees each of its commands decided. That is its share of
 * journey-service's backlog, the measure the admission of new journeys goes by. An outcome that never comes
 * (journey-service's record lost) does not hold a place for ever: a command is forgotten after two minutes.
 */
@ApplicationScoped
public class CommandBacklog {

    private static final long FORGOTTEN_AFTER = Duration.ofMinutes(2).toNanos();
    private static final long PURGE_EVERY = Duration.ofSeconds(1).toNanos();

    private final Map<UUID, Long> sentAt = new ConcurrentHashMap<>();
    private volatile long purgedAt = System.nanoTime();

    void sent(UUID commandId) {
        sentAt.put(commandId, System.nanoTime());
    }

    void decided(UUID commandId) {
        sentAt.remove(commandId);
    }

    public int size() {
        long now = System.nanoTime();
        if (now - purgedAt > PURGE_EVERY) {
            purgedAt = now;
            sentAt.values().removeIf(at -> now - at > FORGOTTEN_AFTER);
        }
        return sentAt.size();
    }
}
