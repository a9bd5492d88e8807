package fr.relais.tracing;

import io.opentelemetry.api.trace.Span;
import io.quarkus.logging.Log;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A traced endpoint for the tests: logs one line and says what trace it ran in. */
@Path("/trace-probe")
public class TraceProbe {

    static final String LOG_LINE = "trace probe reached";

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String probe() {
        Log.info(LOG_LINE);
        return TraceParent.current() + " " + Span.current().isRecording();
    }
}
