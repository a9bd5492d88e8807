package fr.relais.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The Kubernetes manifests that are made from the devstack's own sources, so that the cluster and the devstack cannot
 * drift apart: topics (topics.txt), Kafka users and ACLs (acls.txt), the realm import (relais-realm.json) and the
 * alert rules (deploy/prometheus/rules). Kustomize cannot wrap a file into a custom resource's field, hence files
 * generated here, committed, and compared by {@link KubernetesManifestsTest}.
 */
final class GeneratedManifests {

    /** The realm's client secrets, which the cluster reads from the Secret relais-secrets (import placeholders). */
    static final Map<String, String> CLIENT_SECRET_KEYS = Map.of(
            "mediation-service", "mediation-client-secret",
            "notification-service", "notification-client-secret");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .build();

    private final Path root;

    GeneratedManifests(Path root) {
        this.root = root;
    }

    /** Path under deploy/k8s/base to its expected content. */
    Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("kafka/kafka-topics.yaml", topics());
        files.put("kafka/kafka-users.yaml", users());
        files.put("keycloak/realm-import.yaml", realmImport());
        files.put("monitoring/prometheus-rules.yaml", prometheusRules());
        return files;
    }

    private String topics() {
        List<ObjectNode> docs = new ArrayList<>();
        for (String[] cells : table("events/src/main/resources/topics.txt")) {
            ObjectNode topic = resource("kafka.strimzi.io/v1", "KafkaTopic", cells[0]);
            ((ObjectNode) topic.get("metadata")).putObject("labels").put("strimzi.io/cluster", "relais");
            ObjectNode spec = topic.putObject("spec");
            spec.put("topicName", cells[0]);
            spec.put("partitions", Integer.parseInt(cells[1]));
            // production values; the local overlay patches every KafkaTopic down to one replica
            spec.put("replicas", 3);
            spec.putObject("config").put("min.insync.replicas", 2);
            docs.add(topic);
        }
        return render("events/src/main/resources/topics.txt (names and partition counts)", docs);
    }

    private String users() {
        Map<String, ArrayNode> acls = new LinkedHashMap<>();
        for (String[] cells : table("deploy/kafka/acls.txt")) {
            ArrayNode list = acls.computeIfAbsent(cells[0], principal -> NODES.arrayNode());
            list.add(acl("topic", cells[2], "literal", capitalized(cells[1])));
        }
        List<ObjectNode> docs = new ArrayList<>();
        acls.forEach((principal, list) -> {
            // as the devstack's KafkaSecurity: each principal may use the consumer groups that start with its name
            list.add(acl("group", principal, "prefix", "Read"));
            ObjectNode user = resource("kafka.strimzi.io/v1", "KafkaUser", principal);
            ((ObjectNode) user.get("metadata")).putObject("labels").put("strimzi.io/cluster", "relais");
            ObjectNode spec = user.putObject("spec");
            spec.putObject("authentication").put("type", "scram-sha-512");
            ObjectNode authorization = spec.putObject("authorization");
            authorization.put("type", "simple");
            authorization.set("acls", list);
            docs.add(user);
        });
        return render("deploy/kafka/acls.txt (the devstack's KafkaSecurity makes the same ACLs)", docs);
    }

    private String realmImport() {
        ObjectNode realm;
        try {
            realm = (ObjectNode) JSON.readTree(root.resolve("deploy/keycloak/relais-realm.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // the demo people and their known passwords belong to the devstack, never to a cluster
        realm.remove("users");
        ObjectNode placeholders = NODES.objectNode();
        for (JsonNode client : realm.withArray("clients")) {
            if (client.path("clientId").asText().equals("relais-portal")) {
                // the web pages live at the site's address, not on the devstack's loopback
                ((ObjectNode) client).putArray("redirectUris").add("${PORTAL_URL}/*");
                ((ObjectNode) client).putArray("webOrigins").add("${PORTAL_URL}");
                placeholders.putObject("PORTAL_URL").putObject("secret").put("name", "relais-secrets").put("key", "portal-url");
            }
            String key = CLIENT_SECRET_KEYS.get(client.path("clientId").asText());
            if (client.has("secret")) {
                if (key == null) {
                    throw new IllegalStateException("client " + client.path("clientId").asText()
                            + " has a secret in relais-realm.json: add it to CLIENT_SECRET_KEYS");
                }
                String name = key.toUpperCase().replace('-', '_');
                ((ObjectNode) client).put("secret", "${" + name + "}");
                placeholders.putObject(name).putObject("secret").put("name", "relais-secrets").put("key", key);
            }
        }
        ObjectNode realmImport = resource("k8s.keycloak.org/v2alpha1", "KeycloakRealmImport", "relais");
        ObjectNode spec = realmImport.putObject("spec");
        spec.put("keycloakCRName", "relais-keycloak");
        spec.set("placeholders", placeholders);
        spec.set("realm", realm);
        return render("deploy/keycloak/relais-realm.json without its demo users; client secrets and the portal address from relais-secrets",
                List.of(realmImport));
    }

    private String prometheusRules() {
        List<ObjectNode> docs = new ArrayList<>();
        try (Stream<Path> files = Files.list(root.resolve("deploy/prometheus/rules"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
                String name = file.getFileName().toString().replaceFirst("\\.yml$", "");
                ObjectNode rule = resource("monitoring.coreos.com/v1", "PrometheusRule", name);
                rule.set("spec", YAML.readTree(file.toFile()));
                docs.add(rule);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return render("deploy/prometheus/rules/*.yml (one PrometheusRule per file, the same groups)", docs);
    }

    private static ObjectNode acl(String type, String name, String patternType, String operation) {
        ObjectNode acl = NODES.objectNode();
        acl.putObject("resource").put("type", type).put("name", name).put("patternType", patternType);
        acl.putArray("operations").add(operation);
        return acl;
    }

    private static ObjectNode resource(String apiVersion, String kind, String name) {
        ObjectNode node = NODES.objectNode();
        node.put("apiVersion", apiVersion);
        node.put("kind", kind);
        node.putObject("metadata").put("name", name);
        return node;
    }

    private static String capitalized(String operation) {
        return operation.charAt(0) + operation.substring(1).toLowerCase();
    }

    private List<String[]> table(String path) {
        try {
            return Files.readAllLines(root.resolve(path)).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.split("\\s+"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String render(String source, List<ObjectNode> docs) {
        StringBuilder out = new StringBuilder()
                .append("# GENERATED from ").append(source).append(" by deploy-check's GeneratedManifests: do not edit.\n")
                .append("# Regenerate: ./mvnw -pl deploy-check verify -Drelais.k8s.regenerate=true\n");
        for (int i = 0; i < docs.size(); i++) {
            if (i > 0) {
                out.append("---\n");
            }
            try {
                out.append(YAML.writeValueAsString(docs.get(i)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out.toString();
    }
}
