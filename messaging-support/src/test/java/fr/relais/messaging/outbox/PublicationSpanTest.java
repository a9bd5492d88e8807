package fr.relais.messaging.outbox;

import fr.relais.tracing.TraceParent;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The header a published outbox row carries, from the traceparent the row kept. */
class PublicationSpanTest {

    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String STORED = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    static String header(Tracer tracer, String stored) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(TraceParent.HEADER, "stale".getBytes(StandardCharsets.UTF_8));
        Span span = PublicationSpan.start(tracer, stored, "journey.events");
        PublicationSpan.addHeader(headers, span);
        span.end();
        assertThat(headers.headers(TraceParent.HEADER)).hasSize(1);
        Header header = headers.lastHeader(TraceParent.HEADER);
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void theRecordContinuesTheTraceTheRowWasWrittenIn() {
        try (SdkTracerProvider provider = SdkTracerProvider.builder().setSampler(Sampler.alwaysOff()).build()) {
            String sent = header(provider.get("test"), STORED);

            assertThat(TraceParent.traceId(sent)).isEqualTo(TRACE_ID);
            assertThat(sent).isNotEqualTo(STORED); // the publish span is a child of the writer's span
        }
    }

    @Test
    void aRecordedTraceStaysRecorded() {
        try (SdkTracerProvider provider = SdkTracerProvider.builder()
                .setSampler(Sampler.parentBased(Sampler.alwaysOff())).build()) {
            String sent = header(provider.get("test"), STORED);

            assertThat(TraceParent.traceId(sent)).isEqualTo(TRACE_ID);
            assertThat(sent).endsWith("-01");
        }
    }

    @Test
    void withoutTracingTheStoredTraceparentIsSentAsItIs() {
        assertThat(header(OpenTelemetry.noop().getTracer("test"), STORED)).isEqualTo(STORED);
    }

    @Test
    void aRowWrittenOutsideAnyTraceStartsOne() {
        try (SdkTracerProvider provider = SdkTracerProvider.builder().build()) {
            String sent = header(provider.get("test"), null);

            assertThat(TraceParent.traceId(sent)).isNotNull().isNotEqualTo(TRACE_ID);
        }
    }
}
