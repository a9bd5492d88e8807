package fr.relais.appointment.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import fr.relais.problem.ProblemResponses;
import fr.relais.problem.RequestProblemMappers;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * What appointment-service answers differently from the shared mappers of problem-support (its clients rely on it):
 * a missing token is a 401 problem, and a body Jackson could not read is {@code malformed-json} even when
 * Quarkus REST hands it over wrapped in a 400. The {@code reason} member is turned on in application.properties.
 */
public class RequestProblems {

    @Inject
    ProblemResponses problems;

    @Inject
    RequestProblemMappers requests;

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return problems.of(401, "unauthorized", "Authentication required", "a valid bearer token is required", uri);
    }

    /** Ahead of the shared mapper of the same exception (a lower number wins). */
    @ServerExceptionMapper(priority = Priorities.USER - 1)
    public Response web(WebApplicationException e, UriInfo uri) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (e.getResponse().getStatus() == 400 && cause instanceof JsonProcessingException json) {
                return requests.badJson(json, uri); // Quarkus REST wraps body-reading errors in a 400
            }
        }
        return requests.web(e, uri);
    }
}
