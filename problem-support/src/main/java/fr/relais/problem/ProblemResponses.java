package fr.relais.problem;

import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the problem answers of a service's exception mappers, with the request path as {@code instance}. */
@Singleton
public class ProblemResponses {

    /**
     * appointment-service's clients branch on a {@code reason} member repeating the short type code;
     * the other services never sent it, so it stays off unless a service asks for it.
     */
    @ConfigProperty(name = "relais.problems.reason-member", defaultValue = "false")
    boolean reasonMember;

    public Response of(ProblemException problem, UriInfo uri) {
        return of(problem.status(), problem.type(), problem.title(), problem.getMessage(), uri, problem.extensions());
    }

    /** @param type the short code, e.g. {@code malformed-json} */
    public Response of(int status, String type, String title, String detail, UriInfo uri) {
        return of(status, type, title, detail, uri, Map.of());
    }

    private Response of(int status, String type, String title, String detail, UriInfo uri, Map<String, Object> extensions) {
        Map<String, Object> members = extensions;
        if (reasonMember) {
            members = new LinkedHashMap<>(extensions);
            members.put("reason", type);
        }
        return Problem.response(status, type, title, detail, uri == null ? null : uri.getPath(), members);
    }
}
