package fr.relais.events.journey;

import java.time.Duration;
import java.time.Instant;

/**
 * The fixed menu of mandate lengths: a citizen picks one, so a mandate can never be open-ended.
 * Lengths are fixed durations (a month is 30 days), so every service computes the same expiry
 * regardless of calendar or time zone.
 */
public enum MandateDuration {
    ONE_DAY(Duration.ofDays(1)),
    ONE_WEEK(Duration.ofDays(7)),
    ONE_MONTH(Duration.ofDays(30));

    private final Duration length;

    MandateDuration(Duration length) {
        this.length = length;
    }

    public Duration length() {
        return length;
    }

    public Instant expiresAt(Instant grantedAt) {
        return grantedAt.plus(length);
    }
}
