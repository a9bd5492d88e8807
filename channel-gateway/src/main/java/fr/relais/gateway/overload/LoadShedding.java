package fr.relais.gateway.overload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.relais.gateway.commands.CommandBacklog;
import fr.relais.problem.Problem;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Admission of new journeys by the command backlog. What limits Relais under a rush is how fast journey-service
 * decides commands, not the gateway. A journey under way has at most one command undecided, so the backlog bounds the
 * journeys in flight, and with them the wait of every accepted command and the time to finish them once a rush is
 * over. The bound follows what journey-service decides for this instance (Little's law: decided per second x
 * {@code relais.load-shedding.target-wait}), between {@code min-undecided-commands} (so an idle or calm instance always
 * admits) and {@code max-undecided-commands}: a stack that decides 200 commands a second admits 200 undecided, a cold
 * one that decides 20 admits 20, and both keep accepted commands waiting about the target. At the bound, a request that
 * would start a new journey is refused at once with an {@code overloaded} problem and a Retry-After of 1 to 3 s (spread,
 * so refused clients do not come back together), before anything is read or checked. Journeys already under way, polls
 * and pages go on. A fixed bound of 200 was measured to keep refusing 30 s after a rush on a cold two-core stack, and a
 * latency-based concurrency limit (quarkus-load-shedding's) collapsed throughput: command requests wait for their
 * outcome by design, which it read as queueing (deploy/README.md, "Faults").
 */
@Singleton
public class LoadShedding {

    /** Before everything else, authentication and body reading included. */
    private static final int FIRST = -1_000_000_000;
    private static final Set<String> NEW_JOURNEY = Set.of("/api/portal/journeys", "/api/desk/journeys", "/api/phone/journeys");

    @Inject
    CommandBacklog backlog;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "relais.load-shedding.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "relais.load-shedding.max-undecided-commands", defaultValue = "200")
    int maxUndecided;

    @ConfigProperty(name = "relais.load-shedding.min-undecided-commands", defaultValue = "16")
    int minUndecided;

    @ConfigProperty(name = "relais.load-shedding.target-wait", defaultValue = "PT1S")
    Duration targetWait;

    void install(@Observes Router router) {
        Gauge.builder("relais_gateway_commands_undecided", backlog, CommandBacklog::size)
                .description("Commands this gateway instance sent that journey-service has not decided yet").register(registry);
        Gauge.builder("relais_gateway_commands_undecided_limit", this, LoadShedding::limit)
                .description("Undecided commands from which this instance refuses new journeys").register(registry);
        if (!enabled) {
            return;
        }
        Counter shed = Counter.builder("relais_gateway_requests_shed").description("New journeys refused with a 503 because the command backlog was full")
                .register(registry);
        String problem = json(new Problem(Problem.TYPE_BASE + "overloaded", "Service overloaded", 503,
                "Relais is receiving more new journeys than it can serve right now; nothing was done, try again after Retry-After seconds",
                null, null));
        router.route().order(FIRST).handler(context -> {
            if (startsAJourney(context) && backlog.size() >= limit()) {
                shed.increment();
                context.response().setStatusCode(503).putHeader(HttpHeaders.CONTENT_TYPE, Problem.PROBLEM_JSON)
                        .putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(ThreadLocalRandom.current().nextInt(1, 4)))
                        .end(problem);
            } else {
                context.next();
            }
        });
    }

    /** decided/s x target wait, between the configured floor and ceiling (the ceiling wins when they cross). */
    int limit() {
        double byRate = backlog.decidedPerSecond() * targetWait.toMillis() / 1000.0;
        return (int) Math.min(maxUndecided, Math.max(minUndecided, byRate));
    }

    private static boolean startsAJourney(RoutingContext context) {
        return HttpMethod.POST.equals(context.request().method()) && NEW_JOURNEY.contains(context.normalizedPath());
    }

    private static String json(Problem problem) {
        try {
            return new ObjectMapper().writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
