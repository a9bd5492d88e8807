package fr.relais.system.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The few calls of Prometheus' HTTP API the proof needs; queries are POSTed as forms, so any length is fine. */
public final class PrometheusApi {

    /** What Prometheus answered: success with a number of series, or its error type and message. */
    public record Answer(boolean success, String errorType, String error, int series, JsonNode data) {

        String describeError() {
            return errorType + ": " + error;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    PrometheusApi(URI base) {
        this.base = base;
    }

    /**
     * The Prometheus of the local stack: port from the system property or environment variable
     * RELAIS_PROMETHEUS_PORT, 19090 by default.
     */
    public static PrometheusApi local() {
        String port = System.getProperty("RELAIS_PROMETHEUS_PORT");
        if (port == null || port.isBlank()) {
            port = System.getenv().getOrDefault("RELAIS_PROMETHEUS_PORT", "19090");
        }
        return new PrometheusApi(URI.create("http://127.0.0.1:" + port.trim()));
    }

    URI base() {
        return base;
    }

    /** Throws with a clear message when Prometheus does not answer ready. */
    void requireReady() {
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(base.resolve("/-/ready")).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Prometheus is unreachable at " + base + " (" + e + "); start it with ./relais infra,"
                    + " set RELAIS_PROMETHEUS_PORT if it runs elsewhere, or skip this proof with -Drelais.ops.skip=true", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Prometheus at " + base + " is not ready: HTTP " + response.statusCode() + " " + response.body());
        }
    }

    /** An instant query at the given time. */
    public Answer query(String expr, Instant time) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("query", expr);
        form.put("time", seconds(time));
        return post("/api/v1/query", form);
    }

    /** A range query from start to end, one point per step. */
    Answer queryRange(String expr, Instant start, Instant end, Duration step) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("query", expr);
        form.put("start", seconds(start));
        form.put("end", seconds(end));
        form.put("step", String.format(Locale.ROOT, "%.3f", step.toMillis() / 1000.0));
        return post("/api/v1/query_range", form);
    }

    private Answer post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("Prometheus at " + base + " did not answer " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (IOException e) {
            return new Answer(false, "http-" + response.statusCode(), response.body(), 0, null);
        }
        if (!"success".equals(json.path("status").asText())) {
            return new Answer(false, json.path("errorType").asText("http-" + response.statusCode()),
                    json.path("error").asText(response.body()), 0, null);
        }
        JsonNode data = json.path("data");
        JsonNode result = data.path("result");
        int series = "scalar".equals(data.path("resultType").asText()) || "string".equals(data.path("resultType").asText())
                ? 1 : result.size();
        return new Answer(true, null, null, series, data);
    }

    private static String seconds(Instant time) {
        return String.format(Locale.ROOT, "%.3f", time.toEpochMilli() / 1000.0);
    }
}
