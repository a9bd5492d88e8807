package fr.relais.appointment.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** Wires the plain-Java domain into CDI. The clock is a bean so that tests can control time. */
@ApplicationScoped
public class AppointmentBeans {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
