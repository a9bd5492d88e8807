package fr.relais.appointment.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How long a hold lasts, how late a citizen may come (java.time.Duration values), how many bookings a citizen may hold: relais.appointments.*. */
@ConfigMapping(prefix = "relais.appointments")
public interface AppointmentsConfig {

    /** A held slot not confirmed within this time expires and returns to availability. */
    @WithDefault("PT10M")
    Duration holdDuration();

    /** A confirmed booking not checked in by its start plus this is a no-show; check-in closes this long after the end. */
    @WithDefault("PT15M")
    Duration noShowGrace();

    /**
     * How many live holds and bookings ahead (held and unexpired, or confirmed, starting later) one citizen may have
     * at once, whoever made them; one more is refused with 429.
     */
    @WithDefault("3")
    int maxLivePerCitizen();
}
