package fr.relais.gateway.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.logging.Log;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import io.quarkus.security.ForbiddenException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Bad input is a 400 problem that says what is wrong; nothing answers 500 for bad input; no stack trace leaves. */
public class ProblemMappers {

    /** A role check refused the call (@RolesAllowed): a problem like every other refusal, not an empty 403. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return ApiProblem.response(403, "forbidden", "Not allowed", "your role does not allow this", uri.getPath());
    }

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem problem, UriInfo uri) {
        return problem.toResponse(uri.getPath());
    }

    @ServerExceptionMapper
    public Response badJson(JsonProcessingException e, UriInfo uri) {
        return badBody("the request body is not valid JSON", uri);
    }

    // Quarkus maps these subclasses itself (as plain JSON); these more specific mappers keep problem details
    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        return badBody("unknown field '" + e.getPropertyName() + "'", uri);
    }

    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e, UriInfo uri) {
        return badBody("a value has the wrong type at " + e.getPathReference(), uri);
    }

    private static Response badBody(String detail, UriInfo uri) {
        return ApiProblem.response(400, "bad-request-body", "Bad request body", detail, uri.getPath());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return ApiProblem.response(404, "not-found", "Not found", null, uri.getPath());
    }

    @ServerExceptionMapper
    public Response illegalArgument(IllegalArgumentException e, UriInfo uri) {
        return ApiProblem.response(400, "bad-request", "Bad request", e.getMessage(), uri.getPath());
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        Log.errorf(e, "unexpected error on %s", uri.getPath());
        return ApiProblem.response(500, "internal", "Internal error", "the request could not be completed; it has been logged", uri.getPath());
    }
}
