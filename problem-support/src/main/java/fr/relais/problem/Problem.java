package fr.relais.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/**
 * An RFC 9457 problem detail as every Relais service answers it: the five standard members, then any extension
 * members (e.g. {@code field}, {@code reason}) at the top level, in their map's order.
 *
 * @param type     the full type URI ({@link #TYPE_BASE} + a short code)
 * @param instance the request path, or null where there is none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      @JsonIgnore Map<String, Object> extensions) {

    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String TYPE_BASE = "https://relais.example/problems/";

    public Problem {
        extensions = extensions == null ? Map.of() : extensions;
    }

    @JsonAnyGetter
    public Map<String, Object> members() {
        return extensions;
    }

    public Response toResponse() {
        return Response.status(status).type(PROBLEM_JSON).entity(this).build();
    }

    /** @param type the short code, e.g. {@code not-found} */
    public static Response response(int status, String type, String title, String detail, String instance) {
        return response(status, type, title, detail, instance, Map.of());
    }

    public static Response response(int status, String type, String title, String detail, String instance,
                                    Map<String, Object> extensions) {
        return new Problem(TYPE_BASE + type, title, status, detail, instance, extensions).toResponse();
    }
}
