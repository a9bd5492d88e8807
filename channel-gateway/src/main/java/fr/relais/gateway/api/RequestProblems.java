package fr.relais.gateway.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import fr.relais.problem.ProblemResponses;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * How the gateway answers bad requests, in its own words for its clients: a 400 problem that says what is wrong,
 * never a 500 for bad input. It replaces problem-support's request mappers ({@code relais.problems.request-mappers=false});
 * other refusals carrying a status are downstream/DownstreamProblems', the rest is problem-support's.
 */
public class RequestProblems {

    @Inject
    ProblemResponses problems;

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

    private Response badBody(String detail, UriInfo uri) {
        return problems.of(400, "bad-request-body", "Bad request body", detail, uri);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return problems.of(404, "not-found", "Not found", null, uri);
    }

    @ServerExceptionMapper
    public Response illegalArgument(IllegalArgumentException e, UriInfo uri) {
        return problems.of(400, "bad-request", "Bad request", e.getMessage(), uri);
    }
}
