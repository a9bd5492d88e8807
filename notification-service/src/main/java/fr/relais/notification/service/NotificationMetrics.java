package fr.relais.notification.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;

/**
 * Messages by channel, trigger and outcome (codes from closed lists: a few dozen series at most), how long a message
 * took from its event to leaving Relais, and whether reminders went out before their appointment.
 */
@ApplicationScoped
public class NotificationMetrics {

    public static final String MESSAGES = "relais_notifications";
    public static final String DELAY = "relais_notification_delay";
    public static final String REMINDERS = "relais_reminders";

    @Inject
    MeterRegistry registry;

    /** @param outcome sent, delivered, failed, deferred, retried, dropped; channel "none" when no channel was chosen */
    public void count(String channel, String trigger, String outcome) {
        Counter.builder(MESSAGES).description("Messages to citizens by channel, trigger and outcome")
                .tag("channel", channel).tag("trigger", trigger).tag("outcome", outcome)
                .register(registry).increment();
    }

    public void delay(String channel, Duration delay) {
        Timer.builder(DELAY).description("From the triggering event to the message leaving Relais")
                .tag("channel", channel).publishPercentileHistogram().minimumExpectedValue(Duration.ofSeconds(1))
                .maximumExpectedValue(Duration.ofDays(2)).register(registry).record(delay.isNegative() ? Duration.ZERO : delay);
    }

    /** @param outcome before-appointment (it left in time) or missed (dropped, failed or late) */
    public void reminder(String outcome) {
        Counter.builder(REMINDERS).description("Appointment reminders: sent before the appointment, or missed")
                .tag("outcome", outcome).register(registry).increment();
    }
}
