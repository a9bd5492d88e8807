package fr.relais.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** What an exporter receives once the redaction ran: the SDK's real span pipeline, a list as the exporter. */
class PersonalDataRedactionTest {

    final List<SpanData> exported = new CopyOnWriteArrayList<>();
    final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(new PersonalDataRedaction())
            .addSpanProcessor(SimpleSpanProcessor.create(new SpanExporter() {
                @Override
                public CompletableResultCode export(Collection<SpanData> spans) {
                    exported.addAll(spans);
                    return CompletableResultCode.ofSuccess();
                }

                @Override
                public CompletableResultCode flush() {
                    return CompletableResultCode.ofSuccess();
                }

                @Override
                public CompletableResultCode shutdown() {
                    return CompletableResultCode.ofSuccess();
                }
            }))
            .build();
    final Tracer tracer = provider.get("test");

    @AfterEach
    void close() {
        provider.close();
    }

    @Test
    void aServerSpanKeepsItsRouteAndLosesTheCitizensTraces() {
        Span span = tracer.spanBuilder("GET")
                .setAttribute("client.address", "203.0.113.7")
                .setAttribute("user_agent.original", "Mozilla/5.0")
                .setAttribute("url.path", "/reprise/ABCD-1234")
                .setAttribute("url.query", "nom=Martin")
                .setAttribute("http.request.method", "GET")
                .startSpan();
        // what an HTTP instrumentation adds as the response leaves
        span.setAttribute("http.route", "/reprise/{code}");
        span.setAttribute("network.peer.address", "203.0.113.7");
        span.setAttribute("http.response.status_code", 200L);
        span.end();

        SpanData data = exported.get(0);
        assertThat(data.getAttributes().get(AttributeKey.stringKey("client.address"))).isEqualTo("redacted");
        assertThat(data.getAttributes().get(AttributeKey.stringKey("network.peer.address"))).isEqualTo("redacted");
        assertThat(data.getAttributes().get(AttributeKey.stringKey("user_agent.original"))).isEqualTo("redacted");
        assertThat(data.getAttributes().get(AttributeKey.stringKey("url.query"))).isEqualTo("redacted");
        assertThat(data.getAttributes().get(AttributeKey.stringKey("url.path"))).isEqualTo("/reprise/{code}");
        assertThat(data.getAttributes().get(AttributeKey.stringKey("http.request.method"))).isEqualTo("GET");
        assertThat(data.getAttributes().get(AttributeKey.longKey("http.response.status_code"))).isEqualTo(200L);
        assertThat(data.getAttributes().toString()).doesNotContain("203.0.113.7", "Martin", "ABCD-1234", "Mozilla");
    }

    @Test
    void aClientCallKeepsOnlyWhichServiceItCalled() {
        Span span = tracer.spanBuilder("GET /journeys/{id}")
                .setAttribute("url.full", "http://user:secret@journey-service:8081/journeys/42?contact=0612345678")
                .startSpan();
        span.end();

        assertThat(exported.get(0).getAttributes().get(AttributeKey.stringKey("url.full")))
                .isEqualTo("http://journey-service:8081");
    }

    @Test
    void aPathWithoutRouteIsHidden() {
        tracer.spanBuilder("GET").setAttribute("url.path", "/inconnu/Martin").startSpan().end();

        assertThat(exported.get(0).getAttributes().get(AttributeKey.stringKey("url.path"))).isEqualTo("redacted");
    }
}
