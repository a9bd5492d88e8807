package fr.relais.system.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import fr.relais.testsupport.DemoUser;
import fr.relais.testsupport.KeycloakTokens;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The gateway's public HTTP API as one demo user (or nobody) uses it: real Keycloak token, JSON in and out.
 * Every call returns the status and the parsed body, so a scenario asserts what the user would see.
 */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    // HTTP/1.1 as browsers speak it over plain http: JDK 17's default (an h2c upgrade, then every call multiplexed
    // on one HTTP/2 connection) is a path no real client of the gateway takes
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final Optional<DemoUser> user;
    private final Optional<String> rawToken;

    private Api(String baseUrl, Optional<DemoUser> user, Optional<String> rawToken) {
        this.baseUrl = baseUrl;
        this.user = user;
        this.rawToken = rawToken;
    }

    /** As {@code user}, through the gateway on its devstack port (where the system suite runs it too). */
    public static Api as(DemoUser user) {
        return new Api(gatewayUrl(), Optional.of(user), Optional.empty());
    }

    /** As {@code user}, straight to a service (its own API, where it is the authority), not through the gateway. */
    public static Api at(ServiceProcess service, DemoUser user) {
        return new Api(service.baseUrl(), Optional.of(user), Optional.empty());
    }

    /** With no token at all, straight to a service. */
    public static Api anonymousAt(ServiceProcess service) {
        return new Api(service.baseUrl(), Optional.empty(), Optional.empty());
    }

    /** With no token at all. */
    public static Api anonymous() {
        return new Api(gatewayUrl(), Optional.empty(), Optional.empty());
    }

    /** With this exact bearer value (an expired or forged token). */
    public static Api withToken(String token) {
        return new Api(gatewayUrl(), Optional.empty(), Optional.of(token));
    }

    public static String gatewayUrl() {
        return "http://127.0.0.1:" + RelaisSystem.env("RELAIS_GATEWAY_PORT", "8080");
    }

    public Reply get(String path) {
        return send(request(path).GET(), path);
    }

    public Reply post(String path, Object body) {
        return post(path, body, null);
    }

    /** A POST with an Idempotency-Key, as a client retrying safely sends it. */
    public Reply post(String path, Object body, String idempotencyKey) {
        HttpRequest.Builder builder = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body)));
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        return send(builder, path);
    }

    public Reply put(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json(body))),
                path);
    }

    public Reply delete(String path) {
        return send(request(path).DELETE(), path);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(20))
                .header("Accept", "application/json");
        user.map(KeycloakTokens::accessToken).or(() -> rawToken)
                .ifPresent(token -> builder.header("Authorization", "Bearer " + token));
        return builder;
    }

    private Reply send(HttpRequest.Builder builder, String path) {
        long sentAt = System.nanoTime();
        try {
            HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode body = text == null || text.isBlank() ? MissingNode.getInstance() : parse(text);
            return new Reply(response.request().method() + " " + path, response.statusCode(), body, text, response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(baseUrl + " did not answer " + path + " (" + e + ", after "
                    + Duration.ofNanos(System.nanoTime() - sentAt).toMillis() + " ms)" + RelaisSystem.logHint(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(text);
        }
    }

    private static String json(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
