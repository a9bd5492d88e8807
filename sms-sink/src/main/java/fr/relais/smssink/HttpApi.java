package fr.relais.smssink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sink's read API on 127.0.0.1, for people and tests: GET /messages[?to=], DELETE /messages, GET /parts,
 * POST /faults?mode=temporary|permanent|none&amp;count=N, GET /health.
 */
final class HttpApi {

    private final HttpServer server;
    private final SmsSink sink;
    private final ObjectMapper json = new ObjectMapper();

    /** One message as the API shows it; receivedAt in ISO-8601. */
    record MessageView(String id, String from, String to, String text, int parts, int dataCoding, String receivedAt) {
        static MessageView of(ReceivedSms sms) {
            return new MessageView(sms.id(), sms.from(), sms.to(), sms.text(), sms.parts(), sms.dataCoding(),
                    sms.receivedAt().toString());
        }
    }

    HttpApi(int port, SmsSink sink) throws IOException {
        this.sink = sink;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        route("/messages", this::messages);
        route("/parts", this::parts);
        route("/faults", this::faults);
        route("/health", exchange -> send(exchange, 200, Map.of("status", "UP")));
        server.start();
    }

    /** A context matches every path under it: only the exact path is served, anything longer is 404. */
    private void route(String path, com.sun.net.httpserver.HttpHandler handler) {
        server.createContext(path, exchange -> {
            if (exchange.getRequestURI().getPath().equals(path)) {
                handler.handle(exchange);
            } else {
                send(exchange, 404, Map.of("erreur", "rien ici ; voir /messages, /parts, /faults, /health"));
            }
        });
    }

    int port() {
        return server.getAddress().getPort();
    }

    void stop() {
        server.stop(0);
    }

    private void messages(HttpExchange exchange) throws IOException {
        switch (exchange.getRequestMethod()) {
            case "GET" -> {
                String to = query(exchange).get("to");
                List<MessageView> found = sink.messages().stream()
                        .filter(sms -> to == null || SmsSink.sameNumber(sms.to(), to))
                        .map(MessageView::of)
                        .toList();
                send(exchange, 200, found);
            }
            case "DELETE" -> {
                sink.clear();
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            }
            default -> notAllowed(exchange, "GET, DELETE");
        }
    }

    private void parts(HttpExchange exchange) throws IOException {
        if (!"GET".equals(exchange.getRequestMethod())) {
            notAllowed(exchange, "GET");
            return;
        }
        send(exchange, 200, sink.parts().stream().map(p -> Map.of("id", p.id(), "from", p.from(), "to", p.to(),
                "reference", p.reference(), "sequence", p.sequence(), "total", p.total(), "text", p.text(),
                "dataCoding", p.dataCoding(), "receivedAt", p.receivedAt().toString())).toList());
    }

    private void faults(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            notAllowed(exchange, "POST");
            return;
        }
        Map<String, String> query = query(exchange);
        FaultMode mode;
        int count;
        try {
            mode = FaultMode.parse(query.getOrDefault("mode", ""));
            count = Integer.parseInt(query.getOrDefault("count", "1"));
            String to = query.get("to");
            if (to == null) {
                sink.failNext(mode, count);
            } else {
                sink.failNextTo(to, mode, count);
            }
        } catch (IllegalArgumentException e) {
            send(exchange, 400, Map.of("erreur",
                    "paramètres attendus : mode=temporary|permanent|none, count=N (entier positif ou nul), to=numéro (facultatif)"));
            return;
        }
        send(exchange, 200, Map.of("mode", mode.name().toLowerCase(java.util.Locale.ROOT), "count", count));
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> values = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.put(name, value);
        }
        return values;
    }

    private void notAllowed(HttpExchange exchange, String allowed) throws IOException {
        exchange.getResponseHeaders().set("Allow", allowed);
        send(exchange, 405, Map.of("erreur", "méthode non permise ici ; permises : " + allowed));
    }

    private void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
