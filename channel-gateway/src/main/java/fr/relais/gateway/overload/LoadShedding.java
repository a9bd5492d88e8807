package fr.relais.gateway.overload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.relais.problem.Problem;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.load.shedding.RequestPriority;
import io.quarkus.load.shedding.runtime.OverloadDetector;
import io.quarkus.load.shedding.runtime.PriorityLoadShedding;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The quarkus-load-shedding extension's overload detector (an adaptive concurrency limit after TCP Vegas) and its
 * priority shedding, with a refusal a client can act on: the extension's own handler (switched off in
 * application.properties) answers an empty 503 and closes the connection; this one answers an {@code overloaded}
 * problem with a Retry-After of 1 to 3 s (spread, so refused clients do not come back together) and keeps the
 * connection. Live streams are long by design: they are not timed, or the detector would read them as a queue.
 */
@Singleton
public class LoadShedding {

    /** Where the extension puts its own handler: before everything else, authentication and body reading included. */
    private static final int FIRST = -1_000_000_000;
    private static final String EVENT_STREAM = "text/event-stream";

    @Inject
    OverloadDetector detector;

    @Inject
    PriorityLoadShedding shedding;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "relais.load-shedding.enabled", defaultValue = "true")
    boolean enabled;

    /** Paths neither timed nor refused: in the component tests, the downstream stubs the gateway's own process serves. */
    @ConfigProperty(name = "relais.load-shedding.ignored-paths")
    Optional<List<String>> ignoredPaths;

    void install(@Observes @Priority(-1_000_000_000) Router router) {
        if (!enabled) {
            return;
        }
        Map<RequestPriority, Counter> shed = new EnumMap<>(RequestPriority.class);
        for (RequestPriority priority : RequestPriority.values()) {
            shed.put(priority, Counter.builder("relais_gateway_requests_shed").description("Requests refused with a 503 because the gateway was overloaded")
                    .tag("priority", priority.name().toLowerCase(java.util.Locale.ROOT)).register(registry));
        }
        String problem = json(new Problem(Problem.TYPE_BASE + "overloaded", "Service overloaded", 503,
                "Relais is receiving more requests than it can serve right now; nothing was done, try again after Retry-After seconds",
                null, null));
        router.route().order(FIRST).handler(context -> {
            if (isStream(context) || ignored(context.normalizedPath())) {
                context.next();
            } else if (detector.isOverloaded() && shedding.shedLoad(context)) {
                shed.get(RequestPriorities.of(context.request().method(), context.normalizedPath())).increment();
                context.response().setStatusCode(503).putHeader(HttpHeaders.CONTENT_TYPE, Problem.PROBLEM_JSON)
                        .putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(ThreadLocalRandom.current().nextInt(1, 4)))
                        .end(problem);
            } else {
                detector.requestBegin();
                long start = System.nanoTime();
                context.addEndHandler(ended -> detector.requestEnd((System.nanoTime() - start) / 1_000));
                context.next();
            }
        });
    }

    private boolean ignored(String path) {
        return ignoredPaths.isPresent() && ignoredPaths.get().stream().anyMatch(path::startsWith);
    }

    private static boolean isStream(RoutingContext context) {
        String accept = context.request().getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains(EVENT_STREAM);
    }

    private static String json(Problem problem) {
        try {
            return new ObjectMapper().writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
