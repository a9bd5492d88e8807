package fr.relais.mediation.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import fr.relais.mediation.domain.CaseConflict;
import fr.relais.mediation.service.CaseService;
import io.quarkus.logging.Log;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import io.quarkus.security.ForbiddenException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves as application/problem+json (RFC 9457); no stack trace ever leaves the service. */
public class ProblemMappers {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final String TYPE_BASE = "https://relais.example/problems/";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Problem(String type, String title, int status, String detail, String instance) {
    }

    static Response problem(int status, String type, String title, String detail, UriInfo uri) {
        return Response.status(status).type(PROBLEM_JSON)
                .entity(new Problem(TYPE_BASE + type, title, status, detail, uri == null ? null : uri.getPath()))
                .build();
    }

    /** A role check refused the call (@RolesAllowed): a problem like every other refusal, not an empty 403. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return problem(403, "forbidden", "Not allowed", "your role does not allow this", uri);
    }

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem problem, UriInfo uri) {
        return problem(problem.status(), problem.type(), problem.title(), problem.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response caseConflict(CaseConflict conflict, UriInfo uri) {
        return problem(409, conflict.code(), "Conflict", conflict.getMessage(), uri);
    }

    /** The same answer whether the case is missing or in another pool: a 403 would confirm that it exists. */
    @ServerExceptionMapper
    public Response notVisible(CaseService.NotVisible e, UriInfo uri) {
        return problem(404, "not-found", "Not found", "no such case", uri);
    }

    @ServerExceptionMapper
    public Response badJson(JsonProcessingException e, UriInfo uri) {
        return problem(400, "malformed-json", "Malformed JSON", "the request body is not valid JSON: " + e.getOriginalMessage(), uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        String title = Response.Status.fromStatusCode(status) == null ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase();
        return problem(status, "http-" + status, title, status >= 500 ? null : e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        Log.errorf(e, "unexpected error on %s", uri.getPath());
        return problem(500, "internal", "Internal error", "the request could not be completed; it has been logged", uri);
    }
}
