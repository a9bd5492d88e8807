package fr.relais.messaging.outbox;

import fr.relais.tracing.TraceParent;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;

/**
 * The trace of an outbox row's publication. The relay runs outside the unit of work that wrote the row, so the
 * publish span is made a child of the traceparent the row kept, and the record's {@code traceparent} header is that
 * span's: the consumers continue the same trace. Only the topic goes into the span, never the payload or the key.
 */
final class PublicationSpan {

    private PublicationSpan() {
    }

    /** Starts the publish span of a row; a row without traceparent starts a trace of its own. */
    static Span start(Tracer tracer, String traceparent, String physicalTopic) {
        return tracer.spanBuilder(physicalTopic + " publish")
                .setSpanKind(SpanKind.PRODUCER)
                .setParent(TraceParent.parent(traceparent))
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", physicalTopic)
                .setAttribute("messaging.operation", "publish")
                .startSpan();
    }

    /** Writes the span's traceparent as the record's header (replacing any other). */
    static void addHeader(Headers headers, Span span) {
        String traceparent = TraceParent.of(Context.root().with(span));
        headers.remove(TraceParent.HEADER);
        if (traceparent != null) {
            headers.add(TraceParent.HEADER, traceparent.getBytes(StandardCharsets.UTF_8));
        }
    }
}
