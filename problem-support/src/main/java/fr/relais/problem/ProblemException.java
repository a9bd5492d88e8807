package fr.relais.problem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error a caller can act on, thrown by any layer of a service and answered as an RFC 9457 problem detail
 * by {@link ProblemMappers}: it knows nothing of HTTP beyond a status code, so services throw it without
 * reaching up into their API package.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final Map<String, Object> extensions;

    /** @param type the short code, e.g. {@code slot-taken}; the answer's type URI is built from it */
    public ProblemException(int status, String type, String title, String detail) {
        this(status, type, title, detail, Map.of());
    }

    /** @param extensions members added to the problem body beside the standard ones, in this map's order */
    public ProblemException(int status, String type, String title, String detail, Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "Not found", what);
    }

    public static ProblemException forbidden(String why) {
        return new ProblemException(403, "forbidden", "Not allowed", why);
    }

    public static ProblemException badRequest(String type, String why) {
        return new ProblemException(400, type, "Bad request", why);
    }

    public static ProblemException invalid(String detail) {
        return new ProblemException(400, "invalid-request", "Invalid request", detail);
    }

    /** A request refused before anything is done: a 400 naming the offending field, so the caller knows what to fix. */
    public static ProblemException invalidField(String field, String detail) {
        return new ProblemException(400, "invalid-field", "Invalid field", detail, Map.of("field", field));
    }

    public static ProblemException conflict(String type, String why) {
        return new ProblemException(409, type, "Conflict", why);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
