package fr.relais.appointment.config;

import fr.relais.appointment.domain.NoShows;
import fr.relais.messaging.clock.ServiceClock;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;

/** Wires the plain-Java domain into CDI. The clock is a bean so that tests, system tests and demos can control time. */
@ApplicationScoped
public class AppointmentBeans {

    @Produces
    @Singleton
    Clock clock(@ConfigProperty(name = "relais.clock.offset", defaultValue = "PT0S") Duration offset) {
        return ServiceClock.systemShiftedBy(offset);
    }

    @Produces
    @Singleton
    NoShows noShows(AppointmentsConfig config) {
        return new NoShows(config.noShowGrace(), NoShows.DEFAULT_EARLY_CHECK_IN);
    }

    /** Refuses bad times at start-up rather than at the first booking (asking for NoShows builds and checks it too). */
    void check(@Observes StartupEvent event, AppointmentsConfig config, NoShows noShows) {
        requirePositive(config.holdDuration());
    }

    static Duration requirePositive(Duration holdDuration) {
        if (holdDuration.isNegative() || holdDuration.isZero()) {
            throw new IllegalArgumentException("relais.appointments.hold-duration must be positive; got " + holdDuration);
        }
        return holdDuration;
    }
}
