package fr.relais.gateway.commands;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The gateway's consumers read every record with a consumer group of their own per instance (each instance must see
 * all outcomes and all journey events): they skip a record they cannot read rather than park it, or every instance
 * would park the same record; the services that own the topic park it once. Skipped records are counted and logged
 * (the exception's class only: a message could echo values), so a poisoned topic still shows.
 */
@ApplicationScoped
public class UnreadableRecords {

    static final String SKIPPED = "relais_gateway_unreadable_records_total";

    @Inject
    MeterRegistry registry;

    void atZero(@Observes StartupEvent start) {
        registry.counter(SKIPPED, "topic", "journey.outcomes");
        registry.counter(SKIPPED, "topic", "journey.events");
    }

    public void skipped(String logicalTopic, Exception e) {
        registry.counter(SKIPPED, "topic", logicalTopic).increment();
        Log.warnf("skipped an unreadable record of %s: %s", logicalTopic, e.getClass().getSimpleName());
    }
}
