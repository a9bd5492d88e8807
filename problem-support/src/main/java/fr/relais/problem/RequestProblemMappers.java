package fr.relais.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.stream.Collectors;

/**
 * How the internal services answer a request Quarkus REST itself refused (a body that is not JSON, an unknown path,
 * a wrong method or media type): a problem typed {@code malformed-json} or {@code http-<status>}.
 * The gateway answers these its own way (it words body errors for its clients and relays downstream problems),
 * so it turns these mappers off with {@code relais.problems.request-mappers=false}.
 */
@IfBuildProperty(name = "relais.problems.request-mappers", stringValue = "true", enableIfMissing = true)
public class RequestProblemMappers {

    @Inject
    ProblemResponses problems;

    @ServerExceptionMapper
    public Response badJson(JsonProcessingException e, UriInfo uri) {
        return problems.of(400, "malformed-json", "Malformed JSON", "the request body is not valid JSON: " + e.getOriginalMessage(), uri);
    }

    /**
     * JSON of the wrong shape (an array for an object, an object for a text, an unknown field): Quarkus REST's own
     * mapper answers these with an empty 400. The path names the fields, never their values.
     */
    @ServerExceptionMapper
    public Response wrongShape(MismatchedInputException e, UriInfo uri) {
        String at = e.getPath().stream().map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        return problems.of(400, "invalid-body", "Invalid body", at.isEmpty()
                ? "the request body does not have the expected shape" : "wrong or unknown value at " + at, uri);
    }

    /** A refusal carrying only an HTTP status: its reason phrase as title, and its message below 500. */
    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        return problems.of(status, "http-" + status, known == null ? "Error" : known.getReasonPhrase(),
                status >= 500 ? null : e.getMessage(), uri);
    }
}
