package fr.relais.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.LocalTime;

/** The rules' settings (application.properties, relais.notifications.*). */
@ConfigMapping(prefix = "relais.notifications")
public interface NotificationConfig {

    QuietHoursConfig quietHours();

    /** How often the dispatcher looks for due messages (read by its @Scheduled; here so the mapping knows it). */
    Duration pollInterval();

    /** A journey untouched this long while it waits on its citizen gets one nudge. */
    Duration nudgeAfter();

    /** Temporary failures of one channel before the next channel takes over. */
    @WithDefault("6")
    int maxAttempts();

    @WithDefault("PT30S")
    Duration firstRetry();

    @WithDefault("PT30M")
    Duration maxRetry();

    /** Where the messages send the citizen (the portal's public address). */
    String portalUrl();

    /** The phone line the messages give for help, as a citizen dials it. */
    @WithDefault("09 70 00 00 00")
    String helpLine();

    interface QuietHoursConfig {
        LocalTime start();

        LocalTime end();
    }
}
