package fr.relais.tracing;

import java.util.Optional;

/**
 * Whether spans leave the process. Quarkus builds an OTLP exporter aimed at http://localhost:4317 even when nothing
 * configures one, and then logs a connection error per batch; so the exporter counts as configured only when an
 * endpoint other than that built-in default is given, the rule Quarkus itself uses to choose between the traces
 * endpoint and the general one.
 */
public final class ExportSwitch {

    /** Quarkus' default OTLP endpoint: the value every unset endpoint property reads as. */
    public static final String QUARKUS_DEFAULT_ENDPOINT = "http://localhost:4317";

    private ExportSwitch() {
    }

    /** True when the traces endpoint or the general OTLP endpoint names a collector. */
    public static boolean exporting(Optional<String> tracesEndpoint, Optional<String> endpoint) {
        return configured(tracesEndpoint) || configured(endpoint);
    }

    private static boolean configured(Optional<String> endpoint) {
        return endpoint.map(String::trim)
                .filter(value -> !value.isEmpty() && !QUARKUS_DEFAULT_ENDPOINT.equals(value))
                .isPresent();
    }
}
