package fr.relais.gateway.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/** An error the caller can act on, answered as an RFC 9457 problem detail (with optional extension members). */
public class ApiProblem extends RuntimeException {

    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String TYPE_BASE = "https://relais.example/problems/";

    private final int status;
    private final String type;
    private final String title;
    private final Map<String, Object> extensions;

    public ApiProblem(int status, String type, String title, String detail) {
        this(status, type, title, detail, Map.of());
    }

    public ApiProblem(int status, String type, String title, String detail, Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.extensions = extensions;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Problem(String type, String title, int status, String detail, String instance,
                          @com.fasterxml.jackson.annotation.JsonIgnore Map<String, Object> extensions) {
        @JsonAnyGetter
        public Map<String, Object> members() {
            return extensions == null ? Map.of() : extensions;
        }
    }

    public Response toResponse(String instance) {
        return Response.status(status).type(PROBLEM_JSON)
                .entity(new Problem(TYPE_BASE + type, title, status, getMessage(), instance, extensions)).build();
    }

    /** A request refused before anything is sent: a 400 naming the offending field, so the caller knows what to fix. */
    public static ApiProblem invalidField(String field, String detail) {
        return new ApiProblem(400, "invalid-field", "Invalid field", detail, Map.of("field", field));
    }

    public static Response response(int status, String type, String title, String detail, String instance) {
        return new ApiProblem(status, type, title, detail).toResponse(instance);
    }
}
