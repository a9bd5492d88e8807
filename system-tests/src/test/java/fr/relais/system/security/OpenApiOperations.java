package fr.relais.system.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Every operation ({@code METHOD /path}) a running service publishes in its OpenAPI document. */
final class OpenApiOperations {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    private OpenApiOperations() {
    }

    static Set<String> of(String managementUrl) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(managementUrl + "/q/openapi?format=json")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("no OpenAPI document at " + managementUrl + ": HTTP " + response.statusCode());
            }
            JsonNode paths = new ObjectMapper().readTree(response.body()).path("paths");
            Set<String> operations = new TreeSet<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> path = it.next();
                path.getValue().fieldNames().forEachRemaining(method -> {
                    if (METHODS.contains(method)) {
                        operations.add(method.toUpperCase() + " " + path.getKey());
                    }
                });
            }
            return operations;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the OpenAPI document at " + managementUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
