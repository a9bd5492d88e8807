package fr.relais.problem;

import io.quarkus.logging.Log;
import io.quarkus.security.ForbiddenException;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * What every Relais service (gateway included) answers alike: a {@link ProblemException} as its problem, a role check's
 * refusal as a 403 problem, and anything unexpected as a 500 problem that says nothing of the cause.
 * Every error leaves as application/problem+json (RFC 9457); no stack trace ever leaves a service.
 */
public class ProblemMappers {

    @Inject
    ProblemResponses problems;

    @ServerExceptionMapper
    public Response problem(ProblemException problem, UriInfo uri) {
        return problems.of(problem, uri);
    }

    /** A role check refused the call (@RolesAllowed): a problem like every other refusal, not an empty 403. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return problems.of(403, "forbidden", "Not allowed", "your role does not allow this", uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        Log.errorf(e, "unexpected error on %s", uri.getPath());
        return problems.of(500, "internal", "Internal error", "the request could not be completed; it has been logged", uri);
    }
}
