package fr.relais.gateway.downstream;

import com.fasterxml.jackson.databind.JsonNode;
import fr.relais.problem.Problem;
import io.quarkus.logging.Log;
import io.vertx.core.impl.NoStackTraceTimeoutException;
import jakarta.ws.rs.ProcessingException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import jakarta.ws.rs.WebApplicationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * A downstream service's problem is relayed as it is (status, type, detail); an unreachable service or an open circuit
 * breaker is a 503, a service past the call's time budget a 504.
 */
public class DownstreamProblems {

    /** The circuit breakers' delay (quarkus.fault-tolerance.global.circuit-breaker.delay), in seconds. */
    private static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response relay(WebApplicationException e) {
        Response downstream = e.getResponse();
        int status = downstream.getStatus();
        JsonNode body = null;
        try {
            if (downstream.hasEntity()) {
                body = downstream.readEntity(JsonNode.class);
            }
        } catch (RuntimeException ignored) {
            // not a problem document: answer with our own
        }
        if (body != null && body.has("type")) {
            return Response.status(status).type(Problem.PROBLEM_JSON).entity(body).build();
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        return Problem.response(status, "http-" + status, known == null ? "Error" : known.getReasonPhrase(), null, null);
    }

    @ServerExceptionMapper
    public Response unreachable(ProcessingException e) {
        Log.warnf("downstream unreachable: %s", e.getClass().getSimpleName());
        return unavailable();
    }

    /**
     * A connection to a Relais service closed under a request (the instance died, the load balancer cut it): as
     * unreachable, a 503 the caller may retry, never a 500.
     */
    @ServerExceptionMapper
    public Response closed(IOException e) {
        Log.warnf("downstream connection lost: %s", e.getClass().getSimpleName());
        return unavailable();
    }

    /**
     * The circuit breaker of that call is open (the service failed or was too slow for half of the last calls): an
     * immediate 503 the caller may retry after the breaker's delay, instead of one more request waiting on it.
     */
    @ServerExceptionMapper
    public Response circuitOpen(CircuitBreakerOpenException e) {
        Log.warn("downstream circuit open: answered 503 at once");
        return Response.fromResponse(unavailable()).header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    /** A downstream call that did not get an answer (unreachable, cut, circuit open, too slow): worth trying again later. */
    public static boolean noAnswer(Throwable failure) {
        return failure instanceof ProcessingException || failure instanceof IOException || failure instanceof CircuitBreakerOpenException
                || failure instanceof NoStackTraceTimeoutException || failure instanceof TimeoutException
                || failure instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
    }

    private static Response unavailable() {
        return Problem.response(503, "service-unavailable", "Service unavailable",
                "a Relais service did not answer; try again in a moment", null);
    }

    /** A Relais service slower than the gateway waits for (a few seconds): the caller may try again; nothing is hidden as a 500. */
    @ServerExceptionMapper({NoStackTraceTimeoutException.class, TimeoutException.class,
            org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException.class})
    public Response timedOut(Exception e) {
        Log.warnf("downstream too slow: %s", e.getClass().getSimpleName());
        return Problem.response(504, "service-timeout", "Service too slow",
                "a Relais service did not answer in time; try again in a moment", null);
    }
}
