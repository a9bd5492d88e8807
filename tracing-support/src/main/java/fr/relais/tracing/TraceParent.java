package fr.relais.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The W3C {@code traceparent} of a unit of work, as a string a table column or a Kafka header can carry: what lets
 * a record published later (the outbox relay) stay in the trace of the request or record that wrote it.
 * Only ids and the sampled flag: a traceparent never holds anything about a person.
 */
public final class TraceParent {

    /** The header's name, in HTTP and in Kafka records alike. */
    public static final String HEADER = "traceparent";

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<String> SINGLE = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return Collections.singleton(HEADER);
        }

        @Override
        public String get(String carrier, String key) {
            return HEADER.equals(key) ? carrier : null;
        }
    };

    private TraceParent() {
    }

    /** The traceparent of the current OpenTelemetry context; null outside any trace. */
    public static String current() {
        return of(Context.current());
    }

    /** The traceparent of a context's span; null when it has no valid span. */
    public static String of(Context context) {
        SpanContext span = Span.fromContext(context).getSpanContext();
        if (!span.isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>(2);
        W3C.inject(context, carrier, Map::put);
        return carrier.get(HEADER);
    }

    /**
     * A context whose remote parent is the given traceparent; the root context when it is null or malformed
     * (a row written outside any trace, or by an older version, starts a trace of its own).
     */
    public static Context parent(String traceparent) {
        if (traceparent == null || traceparent.isBlank()) {
            return Context.root();
        }
        return W3C.extract(Context.root(), traceparent, SINGLE);
    }

    /** The trace id of a traceparent; null when it is null or malformed. */
    public static String traceId(String traceparent) {
        SpanContext span = Span.fromContext(parent(traceparent)).getSpanContext();
        return span.isValid() ? span.getTraceId() : null;
    }
}
