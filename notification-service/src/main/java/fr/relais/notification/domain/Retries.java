package fr.relais.notification.domain;

import java.time.Duration;

/**
 * A temporary failure (relay down, SMS centre busy) is tried again later, the wait doubling from {@code first} up to
 * {@code max}; after {@code maxAttempts} tries the channel counts as failed and the next one takes over.
 */
public record Retries(int maxAttempts, Duration first, Duration max) {

    public Duration delayAfter(int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, 16));
        Duration delay = first.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }

    public boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }
}
