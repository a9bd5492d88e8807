package fr.relais.notification;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * journey-service's recipient read as its contract says (GET /journeys/{id}/recipient, bearer token required), and its
 * journey read as far as a staff member's access goes (GET /journeys/{id}: 200 when she may see it, 403 otherwise).
 * This suite is a contract test of those reads: the real journey-service answers in the system tests.
 */
public class FakeRecipients implements QuarkusTestResourceLifecycleManager {

    private static final Pattern RECIPIENT = Pattern.compile("^/journeys/([0-9a-f-]{36})/recipient$");
    private static final Pattern JOURNEY = Pattern.compile("^/journeys/([0-9a-f-]{36})$");
    private static final Map<UUID, String> ANSWERS = new ConcurrentHashMap<>();
    private static final java.util.Set<UUID> READABLE = ConcurrentHashMap.newKeySet();
    private HttpServer server;

    /** What journey-service answers for the journey, as its JSON. */
    public static void answer(UUID journeyId, String json) {
        ANSWERS.put(journeyId, json);
    }

    /** Staff may see this journey (journey-service found a reason). */
    public static void readableByStaff(UUID journeyId) {
        READABLE.add(journeyId);
    }

    public static String recipient(UUID journeyId, String accountSubject, String email, String phone, boolean letter) {
        String address = letter ? "{\"line\":\"3 place du Marché\",\"postcode\":\"23000\",\"city\":\"Guéret\"}" : "null";
        return "{\"journeyId\":\"" + journeyId + "\",\"personId\":\"" + UUID.randomUUID() + "\",\"accountSubject\":"
                + (accountSubject == null ? "null" : "\"" + accountSubject + "\"")
                + ",\"givenNames\":\"Mohamed\",\"familyName\":\"Benali\",\"email\":" + text(email) + ",\"phone\":" + text(phone)
                + ",\"address\":" + address + ",\"language\":\"fr\",\"consents\":{\"email\":" + (email != null)
                + ",\"sms\":" + (phone != null) + ",\"letter\":" + letter + "}}";
    }

    private static String text(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::reply);
        server.start();
        return Map.of("quarkus.rest-client.journey-service.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void reply(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Matcher matcher = RECIPIENT.matcher(exchange.getRequestURI().getPath());
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            send(exchange, 401, "{}");
        } else if (JOURNEY.matcher(exchange.getRequestURI().getPath()).matches()) {
            Matcher journey = JOURNEY.matcher(exchange.getRequestURI().getPath());
            journey.matches();
            boolean readable = READABLE.contains(UUID.fromString(journey.group(1)));
            send(exchange, readable ? 200 : 403, "{}");
        } else if (!matcher.matches()) {
            send(exchange, 404, "{}");
        } else {
            String answer = ANSWERS.get(UUID.fromString(matcher.group(1)));
            send(exchange, answer == null ? 404 : 200, answer == null ? "{}" : answer);
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
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
