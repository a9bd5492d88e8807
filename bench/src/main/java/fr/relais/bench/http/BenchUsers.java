package fr.relais.bench.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Synthetic users for one run, created in the local Keycloak through its admin API and deleted afterwards:
 * the load runs with real tokens checked by every service, and the demo personas' data stays untouched.
 * Their names are made up ("Bench Citoyen 3"): no personal data.
 */
public final class BenchUsers implements AutoCloseable {

    public static final String PREFIX = "bench-";
    private static final String REALM = "relais";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String keycloak;
    private final String password = "bench-" + UUID.randomUUID();
    private final List<String> userIds = new ArrayList<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    public BenchUsers(String keycloakUrl) {
        this.keycloak = keycloakUrl;
    }

    /** Deletes the users a crashed earlier run left behind. */
    public void removeLeftovers() {
        JsonNode found = call("GET", "/admin/realms/" + REALM + "/users?briefRepresentation=true&max=500&search="
                + URLEncoder.encode(PREFIX, StandardCharsets.UTF_8), null);
        for (JsonNode user : found) {
            if (user.path("username").asText().startsWith(PREFIX)) {
                call("DELETE", "/admin/realms/" + REALM + "/users/" + user.get("id").asText(), null);
            }
        }
    }

    /** Creates a user with one realm role and the staff attributes it needs (site, pool). */
    public String create(String username, String role, Map<String, List<String>> attributes) {
        Map<String, Object> user = Map.of("username", username, "enabled", true, "emailVerified", true,
                "firstName", "Bench", "lastName", username.substring(PREFIX.length()).replace('-', ' '),
                "email", username + "@bench.invalid", "attributes", attributes,
                "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)));
        call("POST", "/admin/realms/" + REALM + "/users", user);
        String id = call("GET", "/admin/realms/" + REALM + "/users?exact=true&username=" + username, null).get(0).get("id").asText();
        userIds.add(id);
        JsonNode roleRepresentation = call("GET", "/admin/realms/" + REALM + "/roles/" + role, null);
        call("POST", "/admin/realms/" + REALM + "/users/" + id + "/role-mappings/realm", List.of(roleRepresentation));
        return username;
    }

    /** A fresh access token (they live 10 minutes in the realm; a run fetches new ones before that). */
    public String token(String username) {
        return tokens.computeIfAbsent(username, this::passwordGrant);
    }

    /** Replaces every cached token with a new one. */
    public void refreshTokens() {
        tokens.replaceAll((username, old) -> passwordGrant(username));
    }

    private String passwordGrant(String username) {
        String form = "grant_type=password&client_id=relais-test&scope=openid&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return form(keycloak + "/realms/" + REALM + "/protocol/openid-connect/token", form).get("access_token").asText();
    }

    private String adminToken() {
        return form(keycloak + "/realms/master/protocol/openid-connect/token",
                "grant_type=password&client_id=admin-cli&username=admin&password=admin").get("access_token").asText();
    }

    private JsonNode form(String url, String form) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), url);
    }

    private JsonNode call(String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(keycloak + path))
                .header("Authorization", "Bearer " + adminToken());
        try {
            if (body != null) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return send(request, method + " " + path);
    }

    private JsonNode send(HttpRequest.Builder request, String what) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("Keycloak answered " + response.statusCode() + " to " + what + ": " + response.body());
            }
            String text = response.body();
            return text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak unreachable at " + keycloak + " (is the stack up? ./relais up)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        for (String id : userIds) {
            try {
                call("DELETE", "/admin/realms/" + REALM + "/users/" + id, null);
            } catch (RuntimeException e) {
                System.err.println("[bench] could not delete a bench user: " + e.getMessage());
            }
        }
        userIds.clear();
    }
}
