package fr.relais.journey.service;

import fr.relais.events.channel.Channel;
import fr.relais.events.journey.CommandOutcome;
import fr.relais.events.journey.JourneyAbandoned;
import fr.relais.events.journey.JourneyClaimed;
import fr.relais.events.journey.JourneyCommand;
import fr.relais.events.journey.JourneyCompleted;
import fr.relais.events.journey.JourneyEvent;
import fr.relais.events.journey.JourneyStarted;
import fr.relais.events.Contracts;
import fr.relais.journey.domain.JourneyState;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.List;

/**
 * Journey-level metrics. Tags are low-cardinality (procedure, channel, site, command, reason); never an
 * id or anything about a person.
 */
@ApplicationScoped
public class JourneyMetrics {

    @Inject
    MeterRegistry registry;

    public void recordDecision(JourneyCommand command, CommandOutcome outcome, JourneyState before, List<JourneyEvent> events) {
        String commandName = Contracts.typeOf(command.getClass()).replace("relais.journey.command.", "").replace(".v1", "");
        registry.counter("relais_journey_commands_total", "command", commandName,
                "outcome", outcome.status().name().toLowerCase(),
                "reason", outcome.reason() == null ? "none" : outcome.reason()).increment();
        String procedure = before != null ? before.procedureId() : null;
        Channel lastChannel = before != null ? before.lastChannel() : null;
        for (JourneyEvent event : events) {
            Channel channel = event.actor().channel();
            if (event instanceof JourneyStarted started) {
                procedure = started.procedureId();
                registry.counter("relais_journeys_started_total", "procedure", procedure, "channel", tag(channel)).increment();
            } else if (event instanceof JourneyCompleted) {
                registry.counter("relais_journeys_completed_total", "procedure", procedure, "channel", tag(channel)).increment();
            } else if (event instanceof JourneyAbandoned) {
                registry.counter("relais_journeys_abandoned_total", "procedure", procedure, "channel", tag(channel)).increment();
            } else if (event instanceof JourneyClaimed claimed && before != null && before.handoff() != null) {
                Timer.builder("relais_handoff_wait_seconds")
                        .tags("channel", tag(claimed.channel()), "site", claimed.site() == null ? "none" : claimed.site())
                        .publishPercentileHistogram()
                        // buckets from a second to a working day: a desk handoff may wait hours
                        .minimumExpectedValue(Duration.ofSeconds(1)).maximumExpectedValue(Duration.ofHours(8))
                        .register(registry)
                        .record(Duration.between(before.handoff().requestedAt(), event.occurredAt()));
            }
            if (channel != Channel.SYSTEM) {
                if (lastChannel != null && lastChannel != Channel.SYSTEM && lastChannel != channel) {
                    registry.counter("relais_channel_switches_total", "procedure", procedure,
                            "from", tag(lastChannel), "to", tag(channel)).increment();
                }
                lastChannel = channel;
            }
        }
    }

    private static String tag(Channel channel) {
        return channel == null ? "none" : channel.name().toLowerCase();
    }
}
