package fr.relais.tracing;

import io.quarkus.logging.json.runtime.JsonFormatter;
import io.quarkus.test.junit.QuarkusTest;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request carrying a traceparent, in a service with tracing-support and no OTLP endpoint configured: the request
 * joins that trace, nothing is recorded (no collector to send to), and the log line written while serving it
 * carries the trace and span ids in the services' JSON format.
 */
@QuarkusTest
class TracedRequestTest {

    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String CALLER = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    final List<ExtLogRecord> records = new CopyOnWriteArrayList<>();
    final ExtHandler capture = new ExtHandler() {
        @Override
        protected void doPublish(ExtLogRecord record) {
            if (TraceProbe.LOG_LINE.equals(record.getMessage())) {
                record.copyMdc(); // the MDC as it was on the request's context, before the handler returns
                records.add(record);
            }
        }
    };

    Logger root() {
        return LogContext.getLogContext().getLogger("");
    }

    @BeforeEach
    void listen() {
        root().addHandler(capture);
    }

    @AfterEach
    void stop() {
        root().removeHandler(capture);
    }

    @Test
    void aRequestJoinsItsCallersTraceWithoutRecordingWhenNothingExports() {
        String[] answer = given().header(TraceParent.HEADER, CALLER)
                .when().get("/trace-probe")
                .then().statusCode(200).extract().asString().split(" ");

        assertThat(TraceParent.traceId(answer[0])).isEqualTo(TRACE_ID);
        assertThat(answer[0]).isNotEqualTo(CALLER); // the server span is a child, with its own span id
        assertThat(answer[1]).isEqualTo("false"); // no endpoint: not recorded, so never exported
    }

    @Test
    void aLogLineInsideATraceCarriesItsIdsInTheJsonOutput() {
        String answer = given().header(TraceParent.HEADER, CALLER)
                .when().get("/trace-probe")
                .then().statusCode(200).extract().asString().split(" ")[0];
        String spanId = answer.split("-")[2];

        assertThat(records).hasSize(1);
        String json = new JsonFormatter().format(records.get(0));
        assertThat(json).contains("\"traceId\":\"" + TRACE_ID + "\"").contains("\"spanId\":\"" + spanId + "\"");
    }
}
