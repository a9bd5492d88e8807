package fr.relais.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TraceParentTest {

    static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void outsideAnyTraceThereIsNone() {
        assertThat(TraceParent.current()).isNull();
    }

    @Test
    void theCurrentSpanIsWrittenAsW3CTraceparent() {
        SpanContext span = SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7",
                TraceFlags.getSampled(), TraceState.getDefault());
        try (Scope ignored = Context.root().with(Span.wrap(span)).makeCurrent()) {
            assertThat(TraceParent.current()).isEqualTo(TRACEPARENT);
        }
    }

    @Test
    void aStoredTraceparentBecomesARemoteParent() {
        SpanContext parent = Span.fromContext(TraceParent.parent(TRACEPARENT)).getSpanContext();
        assertThat(parent.isValid()).isTrue();
        assertThat(parent.isRemote()).isTrue();
        assertThat(parent.getTraceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(parent.getSpanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(parent.isSampled()).isTrue();
        assertThat(TraceParent.of(TraceParent.parent(TRACEPARENT))).isEqualTo(TRACEPARENT);
    }

    @Test
    void noneOrAMalformedOneGivesNoParent() {
        assertThat(Span.fromContext(TraceParent.parent(null)).getSpanContext().isValid()).isFalse();
        assertThat(Span.fromContext(TraceParent.parent("not-a-traceparent")).getSpanContext().isValid()).isFalse();
        assertThat(TraceParent.traceId("00-zz-yy-01")).isNull();
    }
}
