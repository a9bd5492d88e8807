package fr.relais.appointment.config;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
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
        Clock clock = ServiceClock.of(Clock.systemUTC(), offset);
        if (!offset.isZero()) {
            // loud on purpose: a shifted clock outside a system test or a demo would expire holds and mark no-shows early
            Log.warnf("relais.clock.offset=%s: the service's clock runs %s ahead of real time (system tests and demos only)",
                    offset, offset);
        }
        return clock;
    }
}
