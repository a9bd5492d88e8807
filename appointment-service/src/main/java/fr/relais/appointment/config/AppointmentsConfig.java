package fr.relais.appointment.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How long a hold lasts and how late a citizen may come: relais.appointments.* (java.time.Duration values). */
@ConfigMapping(prefix = "relais.appointments")
public interface AppointmentsConfig {

    /** A held slot not confirmed within this time expires and returns to availability. */
    @WithDefault("PT10M")
    Duration holdDuration();

    /** A confirmed booking not checked in by its start plus this is a no-show; check-in closes this long after the end. */
    @WithDefault("PT15M")
    Duration noShowGrace();
}
