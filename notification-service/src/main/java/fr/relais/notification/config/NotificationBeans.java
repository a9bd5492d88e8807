package fr.relais.notification.config;

import fr.relais.notification.domain.QuietHours;
import fr.relais.notification.domain.Retries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;

@ApplicationScoped
public class NotificationBeans {

    /** The system clock, moved forward by relais.clock.offset for demos and system tests only (never backwards). */
    @Produces
    @Singleton
    Clock clock(@ConfigProperty(name = "relais.clock.offset", defaultValue = "PT0S") Duration offset) {
        if (offset.isNegative()) {
            throw new IllegalArgumentException("relais.clock.offset moves the clock forward only; got " + offset);
        }
        return offset.isZero() ? Clock.systemUTC() : Clock.offset(Clock.systemUTC(), offset);
    }

    @Produces
    @Singleton
    QuietHours quietHours(NotificationConfig config) {
        return new QuietHours(config.quietHours().start(), config.quietHours().end(), QuietHours.PARIS);
    }

    @Produces
    @Singleton
    Retries retries(NotificationConfig config) {
        return new Retries(config.maxAttempts(), config.firstRetry(), config.maxRetry());
    }
}
