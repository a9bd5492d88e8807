package fr.relais.system.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A running service's OpenAPI document, read for what each operation's JSON body holds. */
final class RequestBodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode document;

    private RequestBodies(JsonNode document) {
        this.document = document;
    }

    static RequestBodies of(String managementUrl) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(managementUrl + "/q/openapi?format=json")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new RequestBodies(JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The JSON body's properties (name to schema) of {@code METHOD /path}, empty when it has none or no object body. */
    Map<String, JsonNode> properties(String operation) {
        String method = operation.substring(0, operation.indexOf(' ')).toLowerCase();
        String path = operation.substring(operation.indexOf(' ') + 1);
        JsonNode schema = resolve(document.path("paths").path(path).path(method).path("requestBody").path("content")
                .path("application/json").path("schema"));
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        schema.path("properties").fields().forEachRemaining(p -> properties.put(p.getKey(), resolve(p.getValue())));
        return properties;
    }

    /** A plausible value of a schema, to fill a body before one of its fields is spoiled. */
    static JsonNode plausible(JsonNode schema) {
        return switch (schema.path("type").asText("string")) {
            case "integer", "number" -> JSON.getNodeFactory().numberNode(1);
            case "boolean" -> JSON.getNodeFactory().booleanNode(true);
            case "array" -> JSON.createArrayNode();
            case "object" -> JSON.createObjectNode();
            default -> JSON.getNodeFactory().textNode(schema.path("format").asText().equals("uuid")
                    ? "7f0c4e0e-6b8e-4a8f-9d39-3a4f0b0c1d2e" : "x");
        };
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode ref = schema.path("$ref");
        if (ref.isTextual() && ref.asText().startsWith("#/components/schemas/")) {
            return document.path("components").path("schemas").path(ref.asText().substring("#/components/schemas/".length()));
        }
        return schema;
    }

    static ObjectNode object(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            return node instanceof ObjectNode object ? object.deepCopy() : JSON.createObjectNode();
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
