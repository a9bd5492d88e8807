package fr.relais.appointment.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * What a motif allows: how long before the start a slot may still be booked, and how far ahead.
 * A journey step never has two active bookings: that rule is not configurable.
 */
public record BookingRules(Duration minimumNotice, Duration maximumHorizon) {

    public BookingRules {
        Objects.requireNonNull(minimumNotice, "minimumNotice");
        Objects.requireNonNull(maximumHorizon, "maximumHorizon");
        if (minimumNotice.isNegative() || maximumHorizon.compareTo(minimumNotice) <= 0) {
            throw new IllegalArgumentException("booking rules need 0 <= notice < horizon");
        }
    }
}
