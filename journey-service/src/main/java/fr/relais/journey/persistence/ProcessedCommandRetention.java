package fr.relais.journey.persistence;

import fr.relais.messaging.retention.PurgeTarget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/** processed_command joins the plumbing tables that messaging-support's retention purge keeps short. */
@ApplicationScoped
public class ProcessedCommandRetention {

    /**
     * A command id must outlive every redelivery of the command, which happens at most within the commands topic's
     * retention (7 days by default); the gateway asks for a command's outcome only within 15 minutes. Two weeks
     * leaves a margin over both.
     */
    @ConfigProperty(name = "relais.retention.processed-commands", defaultValue = "P14D")
    Duration retention;

    @Produces
    PurgeTarget processedCommands() {
        return new PurgeTarget("processed_command", "processed_at", null, retention);
    }
}
