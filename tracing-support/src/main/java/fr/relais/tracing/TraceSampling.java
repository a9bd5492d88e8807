package fr.relais.tracing;

import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.quarkus.arc.Unremovable;
import io.quarkus.logging.Log;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * The sampler of every service (Quarkus uses a CDI Sampler in place of its configured one).
 * Without an OTLP endpoint nothing is recorded: every span is a cheap non-recording one that still carries its
 * trace and span ids, so {@code traceparent} headers and the logs' traceId/spanId stay, and no batch ever reaches
 * an exporter with no collector behind it. With an endpoint: parent-based ratio sampling, so one decision, taken
 * where a citizen action enters (the gateway) and carried by the sampled flag, holds for the whole trace.
 */
@Singleton
public class TraceSampling {

    @Produces
    @Singleton
    @Unremovable
    Sampler sampler(@ConfigProperty(name = "quarkus.otel.exporter.otlp.traces.endpoint") Optional<String> tracesEndpoint,
                    @ConfigProperty(name = "quarkus.otel.exporter.otlp.endpoint") Optional<String> endpoint,
                    @ConfigProperty(name = "relais.tracing.sampler-ratio", defaultValue = "0.1") double ratio) {
        if (!ExportSwitch.exporting(tracesEndpoint, endpoint)) {
            return Sampler.alwaysOff();
        }
        Log.infof("traces: OTLP export on, parent-based sampling of %s of new traces", ratio);
        return Sampler.parentBased(Sampler.traceIdRatioBased(ratio));
    }
}
