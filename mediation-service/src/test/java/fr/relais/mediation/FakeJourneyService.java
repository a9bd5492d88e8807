package fr.relais.mediation;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * journey-service's routing read as the tests need it, on a local port: a journey's skills as a test set them, 503 for
 * a journey marked down (journey-service unreachable), 404 for any other; 401 without a bearer token. The token itself
 * is the real one quarkus-oidc-client obtained from Keycloak: the calls that reach this server prove it got one.
 */
public class FakeJourneyService implements QuarkusTestResourceLifecycleManager {

    private static final Pattern ROUTING = Pattern.compile("^/journeys/([0-9a-f-]{36})/routing$");
    private static final Map<UUID, List<String>> SKILLS = new ConcurrentHashMap<>();
    private static final Set<UUID> DOWN = ConcurrentHashMap.newKeySet();
    private static final Map<UUID, AtomicInteger> CALLS = new ConcurrentHashMap<>();
    private HttpServer server;

    public static void skills(UUID journeyId, List<String> skills) {
        SKILLS.put(journeyId, List.copyOf(skills));
    }

    public static void down(UUID journeyId) {
        DOWN.add(journeyId);
    }

    /** How many authenticated calls asked for this journey. */
    public static int calls(UUID journeyId) {
        AtomicInteger calls = CALLS.get(journeyId);
        return calls == null ? 0 : calls.get();
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::answer);
        server.start();
        return Map.of("quarkus.rest-client.journey-service.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void answer(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Matcher matcher = ROUTING.matcher(exchange.getRequestURI().getPath());
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            reply(exchange, 401, "{}");
            return;
        }
        if (!matcher.matches() || !"GET".equals(exchange.getRequestMethod())) {
            reply(exchange, 404, "{}");
            return;
        }
        UUID journeyId = UUID.fromString(matcher.group(1));
        CALLS.computeIfAbsent(journeyId, id -> new AtomicInteger()).incrementAndGet();
        if (DOWN.contains(journeyId)) {
            reply(exchange, 503, "{}");
            return;
        }
        List<String> skills = SKILLS.get(journeyId);
        if (skills == null) {
            reply(exchange, 404, "{}");
            return;
        }
        reply(exchange, 200, "{\"requiredSkills\":[" + skills.stream().map(s -> "\"" + s + "\"")
                .collect(Collectors.joining(",")) + "]}");
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
