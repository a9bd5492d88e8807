package fr.relais.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The schema of each kind the manifests use, from deploy/k8s/schemas: the Kubernetes JSON schemas (strict: an
 * unknown field is an error) and the operators' CRD schemas, made just as strict here, as the API server's strict
 * field validation would be (a CRD's structural schema would otherwise prune a misspelt field without a word).
 */
final class ManifestSchemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDialect(Dialects.getDraft4());

    private final Path folder;
    private final Map<String, Schema> schemas = new HashMap<>();

    ManifestSchemas(Path folder) {
        this.folder = folder;
    }

    /** The problems of one manifest; an unknown kind is one, since nothing may go unvalidated. */
    List<String> problems(JsonNode manifest) {
        String apiVersion = manifest.path("apiVersion").asText();
        String kind = manifest.path("kind").asText();
        Path file = folder.resolve(fileName(apiVersion, kind));
        if (!Files.isRegularFile(file)) {
            return List.of("no schema for " + apiVersion + " " + kind + " (expected " + folder.relativize(file) + ")");
        }
        Schema schema = schemas.computeIfAbsent(file.toString(), name -> load(file, isCrd(apiVersion)));
        List<Error> errors = schema.validate(manifest);
        return errors.stream().map(error -> error.getInstanceLocation() + ": " + error.getMessage()).toList();
    }

    /** Kubernetes' own groups (the yannh standalone-strict files); anything else is an operator's CRD. */
    private static boolean isCrd(String apiVersion) {
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        return group.contains(".") && !group.endsWith(".k8s.io");
    }

    static String fileName(String apiVersion, String kind) {
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        String lower = kind.toLowerCase();
        if (isCrd(apiVersion)) {
            return lower + "-" + group + "-" + version + ".json";
        }
        // yannh's naming: deployment-apps-v1.json, service-v1.json, ingress-networking-v1.json
        String shortGroup = group.isEmpty() ? "" : group.replaceFirst("\\.k8s\\.io$", "") + "-";
        return lower + "-" + shortGroup + version + ".json";
    }

    private static Schema load(Path file, boolean crd) {
        try {
            JsonNode node = JsonMapper.builder().build().readTree(file.toFile());
            // the Kubernetes files name "http://json-schema.org/schema#", i.e. draft 4, which the registry applies
            ((ObjectNode) node).remove("$schema");
            if (crd) {
                // some operators' schemas (Keycloak's) leave out the fields every object has
                ObjectNode properties = ((ObjectNode) node).withObject("/properties");
                properties.withObject("/apiVersion").put("type", "string");
                properties.withObject("/kind").put("type", "string");
                properties.withObject("/metadata").put("type", "object");
                closeObjects(node);
            }
            return REGISTRY.getSchema(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every object schema that lists its properties and does not keep unknown fields refuses any other field. */
    private static void closeObjects(JsonNode schema) {
        if (schema instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties")
                    && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                object.put("additionalProperties", false);
            }
            object.properties().forEach(entry -> {
                if (entry.getKey().equals("properties")) {
                    entry.getValue().forEach(ManifestSchemas::closeObjects);
                } else {
                    closeObjects(entry.getValue());
                }
            });
        } else if (schema != null && schema.isArray()) {
            schema.forEach(ManifestSchemas::closeObjects);
        }
    }
}
