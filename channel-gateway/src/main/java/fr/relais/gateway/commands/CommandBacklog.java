package fr.relais.gateway.commands;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The commands this instance sent that journey-service has not decided yet, whether their request still waits or was
 * answered 202: every instance reads every outcome, so it sees each of its commands decided. That is its share of
 * journey-service's backlog, the measure the admission of new journeys goes by, and what lets a poll of one of them
 * be answered "pending" here without asking journey-service. An outcome that never comes (journey-service's record
 * lost) does not hold a place for ever: a command is forgotten after two minutes.
 */
@ApplicationScoped
public class CommandBacklog {

    private static final long FORGOTTEN_AFTER = Duration.ofMinutes(2).toNanos();
    private static final long PURGE_EVERY = Duration.ofSeconds(1).toNanos();

    private record Sent(String subject, UUID journeyId, long at) {
    }

    private final Map<UUID, Sent> sent = new ConcurrentHashMap<>();
    private final DecisionRate decisions = new DecisionRate();
    private volatile long purgedAt = System.nanoTime();

    void sent(UUID commandId, String subject, UUID journeyId) {
        sent.put(commandId, new Sent(subject, journeyId, System.nanoTime()));
    }

    void decided(UUID commandId) {
        if (sent.remove(commandId) != null) {
            decisions.record(System.nanoTime());
        }
    }

    /** This instance's commands decided per second, lately. */
    public double decidedPerSecond() {
        return decisions.perSecond(System.nanoTime());
    }

    /** The journey of a command that {@code subject} sent through this instance and that is not decided yet. */
    Optional<UUID> undecidedJourney(UUID commandId, String subject) {
        Sent command = sent.get(commandId);
        if (command == null || subject == null || !subject.equals(command.subject())
                || System.nanoTime() - command.at() > FORGOTTEN_AFTER) {
            return Optional.empty();
        }
        return Optional.of(command.journeyId());
    }

    public int size() {
        long now = System.nanoTime();
        if (now - purgedAt > PURGE_EVERY) {
            purgedAt = now;
            sent.values().removeIf(command -> now - command.at() > FORGOTTEN_AFTER);
        }
        return sent.size();
    }
}
