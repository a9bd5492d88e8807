package fr.relais.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body announced larger than quarkus.http.limits.max-body-size is refused before it is read, with a 413 problem
 * (Vert.x's own refusal has no body). A client that sent {@code Expect: 100-continue} gets it before sending the body.
 */
@Singleton
public class BodyLimit {

    /** Before every other route, the body handler included. */
    private static final int FIRST = -1000;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        long limit = maxBodySize.asLongValue();
        String problem = json(new Problem(Problem.TYPE_BASE + "body-too-large", "Body too large", 413,
                "the request body is larger than " + limit + " bytes", null, null));
        router.route().order(FIRST).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && tooLarge(length, limit)) {
                context.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.PROBLEM_JSON)
                        .putHeader(HttpHeaders.CONNECTION, "close").end(problem);
            } else {
                context.next();
            }
        });
    }

    private static boolean tooLarge(String length, long limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // Vert.x refuses a malformed Content-Length itself
        }
    }

    private static String json(Problem problem) {
        try {
            return new ObjectMapper().writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
