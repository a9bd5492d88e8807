package fr.relais.appointment.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import fr.relais.appointment.service.AppointmentProblem;
import io.quarkus.logging.Log;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error leaves as application/problem+json (RFC 9457); no stack trace ever leaves the service.
 * Adapted from journey-service's ProblemMappers (adds a {@code reason} member and security exceptions);
 * to be extracted into a shared module.
 */
public class ProblemMappers {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final String TYPE_BASE = "https://relais.example/problems/";

    /** @param reason the stable code a client can branch on, e.g. {@code slot-taken} (an extension member) */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Problem(String type, String title, int status, String detail, String instance, String reason) {
    }

    static Response problem(int status, String type, String title, String detail, UriInfo uri) {
        return Response.status(status).type(PROBLEM_JSON)
                .entity(new Problem(TYPE_BASE + type, title, status, detail, uri == null ? null : uri.getPath(), type))
                .build();
    }

    @ServerExceptionMapper
    public Response appointmentProblem(AppointmentProblem problem, UriInfo uri) {
        return problem(problem.status(), problem.type(), problem.title(), problem.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response badJson(JsonProcessingException e, UriInfo uri) {
        return problem(400, "malformed-json", "Malformed JSON", "the request body is not valid JSON: " + e.getOriginalMessage(), uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return problem(403, "forbidden", "Not allowed", "your role does not allow this", uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return problem(401, "unauthorized", "Authentication required", "a valid bearer token is required", uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (status == 400 && cause instanceof JsonProcessingException json) {
                return badJson(json, uri); // Quarkus REST wraps body-reading errors in a 400
            }
        }
        String title = Response.Status.fromStatusCode(status) == null ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase();
        return problem(status, "http-" + status, title, status >= 500 ? null : e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        Log.errorf(e, "unexpected error on %s", uri.getPath());
        return problem(500, "internal", "Internal error", "the request could not be completed; it has been logged", uri);
    }
}
