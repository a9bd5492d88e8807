package fr.relais.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/k8s: each overlay rendered by kustomize, every manifest valid against its kind's schema, the generated
 * files equal to what their sources give, and the rules the README promises (images at the project version,
 * autoscaling within the partitions, replication per overlay, environment variables the services really read,
 * management ports never public).
 */
class KubernetesManifestsTest {

    private static final Path ROOT = Path.of(System.getProperty("relais.root", "..")).toAbsolutePath().normalize();
    private static final Path K8S = ROOT.resolve("deploy/k8s");
    private static final List<String> SERVICES = List.of("journey-service", "appointment-service", "mediation-service",
            "notification-service", "channel-gateway");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");

    @Test
    void generatedFilesAreWhatTheirSourcesGive() throws IOException {
        boolean regenerate = Boolean.getBoolean("relais.k8s.regenerate");
        for (Map.Entry<String, String> file : new GeneratedManifests(ROOT).files().entrySet()) {
            Path path = K8S.resolve("base").resolve(file.getKey());
            if (regenerate) {
                Files.writeString(path, file.getValue());
            }
            assertThat(Files.readString(path))
                    .as("%s is out of date: ./mvnw -pl deploy-check verify -Drelais.k8s.regenerate=true", path)
                    .isEqualTo(file.getValue());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyManifestIsValidAgainstItsSchema(String overlay) throws Exception {
        ManifestSchemas schemas = new ManifestSchemas(K8S.resolve("schemas"));
        List<String> problems = new ArrayList<>();
        List<JsonNode> manifests = Kustomize.build(K8S.resolve("overlays").resolve(overlay));
        for (JsonNode manifest : manifests) {
            String name = manifest.path("kind").asText() + "/" + manifest.path("metadata").path("name").asText();
            schemas.problems(manifest).forEach(problem -> problems.add(name + " " + problem));
        }
        assertThat(problems).as("schema problems in overlay %s", overlay).isEmpty();
        assertThat(kinds(manifests)).contains("Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser", "Cluster", "Keycloak",
                "KeycloakRealmImport", "Deployment", "Service", "PodDisruptionBudget", "HorizontalPodAutoscaler",
                "ServiceMonitor", "PrometheusRule", "ConfigMap", "Ingress");
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void replicationAndInstancesFitTheOverlay(String overlay) throws Exception {
        List<JsonNode> manifests = Kustomize.build(K8S.resolve("overlays").resolve(overlay));
        int expected = overlay.equals("production") ? 3 : 1;
        for (JsonNode m : manifests) {
            switch (m.path("kind").asText()) {
                case "KafkaNodePool" -> assertThat(m.at("/spec/replicas").asInt()).isEqualTo(expected);
                case "Cluster" -> assertThat(m.at("/spec/instances").asInt()).as(name(m)).isEqualTo(expected);
                case "KafkaTopic" -> {
                    assertThat(m.at("/spec/replicas").asInt()).as(name(m)).isEqualTo(expected);
                    assertThat(m.at("/spec/config/min.insync.replicas").asInt()).as(name(m)).isEqualTo(expected == 3 ? 2 : 1);
                }
                default -> { }
            }
        }
        Set<String> topics = new HashSet<>();
        manifests.stream().filter(m -> m.path("kind").asText().equals("KafkaTopic"))
                .forEach(m -> topics.add(m.at("/spec/topicName").asText()));
        assertThat(topics).containsExactlyInAnyOrderElementsOf(partitions().keySet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void servicesRunTheProjectVersionAndScaleWithinTheirPartitions(String overlay) throws Exception {
        List<JsonNode> manifests = Kustomize.build(K8S.resolve("overlays").resolve(overlay));
        Map<String, Integer> partitions = partitions();
        Map<String, Integer> maxConsumers = new HashMap<>();
        for (String[] acl : table(ROOT.resolve("deploy/kafka/acls.txt"))) {
            if (acl[1].equals("READ")) {
                maxConsumers.merge(acl[0], partitions.get(acl[2]), Math::min);
            }
        }
        String version = System.getProperty("relais.version");
        Set<String> deployments = new HashSet<>();
        for (JsonNode m : manifests) {
            String service = m.at("/metadata/name").asText();
            switch (m.path("kind").asText()) {
                case "Deployment" -> {
                    deployments.add(service);
                    assertThat(m.at("/spec/template/spec/containers/0/image").asText())
                            .isEqualTo("relais/" + service + ":" + version);
                }
                case "HorizontalPodAutoscaler" -> assertThat(m.at("/spec/maxReplicas").asInt())
                        .as("%s scales beyond the partitions of the topics it consumes", service)
                        .isLessThanOrEqualTo(maxConsumers.get(service));
                default -> { }
            }
        }
        assertThat(deployments).containsExactlyInAnyOrderElementsOf(SERVICES);
    }

    @Test
    void everyVariableSetIsOneTheServiceReadsAndEveryRequiredOneIsSet() throws Exception {
        List<JsonNode> manifests = Kustomize.build(K8S.resolve("overlays/production"));
        Map<String, Set<String>> configMaps = new HashMap<>();
        for (JsonNode m : manifests) {
            if (m.path("kind").asText().equals("ConfigMap") && m.has("data")) {
                Set<String> keys = new HashSet<>();
                m.get("data").fieldNames().forEachRemaining(keys::add);
                configMaps.put(m.at("/metadata/name").asText(), keys);
            }
        }
        Set<String> readBySomeService = new HashSet<>();
        for (JsonNode m : manifests) {
            if (!m.path("kind").asText().equals("Deployment")) {
                continue;
            }
            String service = m.at("/metadata/name").asText();
            String properties = Files.readString(ROOT.resolve(service).resolve("src/main/resources/application.properties"));
            Set<String> read = new HashSet<>();
            Set<String> required = new HashSet<>();
            for (String line : properties.lines().filter(l -> !l.startsWith("%") && !l.startsWith("#")).toList()) {
                Matcher variable = VARIABLE.matcher(line);
                while (variable.find()) {
                    read.add(variable.group(1));
                    if (variable.group(2) == null) {
                        required.add(variable.group(1));
                    }
                }
                int eq = line.indexOf('=');
                if (eq > 0) {
                    // Quarkus also reads any property from its environment-variable form, e.g. KAFKA_BOOTSTRAP_SERVERS
                    read.add(line.substring(0, eq).strip().replaceAll("[^A-Za-z0-9]", "_").toUpperCase());
                }
            }
            readBySomeService.addAll(read);
            JsonNode container = m.at("/spec/template/spec/containers/0");
            Set<String> set = new HashSet<>();
            for (JsonNode env : container.path("env")) {
                String name = env.path("name").asText();
                set.add(name);
                if (!name.equals("RELAIS_INSTANCE")) {
                    assertThat(read).as("%s sets %s, which its application.properties never reads", service, name).contains(name);
                }
            }
            for (JsonNode from : container.path("envFrom")) {
                set.addAll(configMaps.getOrDefault(from.at("/configMapRef/name").asText(), Set.of()));
            }
            assertThat(set).as("%s: variables without a default in application.properties", service).containsAll(required);
        }
        configMaps.entrySet().stream().filter(e -> e.getKey().startsWith("relais-common") || e.getKey().startsWith("relais-site"))
                .forEach(e -> assertThat(readBySomeService).as("variables of ConfigMap %s", e.getKey()).containsAll(e.getValue()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void theManagementPortIsNeverPublic(String overlay) throws Exception {
        for (JsonNode m : Kustomize.build(K8S.resolve("overlays").resolve(overlay))) {
            switch (m.path("kind").asText()) {
                case "Ingress" -> m.findValues("backend").forEach(backend ->
                        assertThat(backend.at("/service/port/name").asText()).as(name(m)).isEqualTo("http"));
                case "Service" -> assertThat(m.at("/spec/type").asText("ClusterIP")).as(name(m)).isEqualTo("ClusterIP");
                default -> { }
            }
        }
    }

    private static Map<String, Integer> partitions() throws IOException {
        Map<String, Integer> partitions = new HashMap<>();
        for (String[] topic : table(ROOT.resolve("events/src/main/resources/topics.txt"))) {
            partitions.put(topic[0], Integer.parseInt(topic[1]));
        }
        return partitions;
    }

    private static List<String[]> table(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).map(line -> line.split("\\s+")).toList();
    }

    private static Set<String> kinds(List<JsonNode> manifests) {
        Set<String> kinds = new HashSet<>();
        manifests.forEach(m -> kinds.add(m.path("kind").asText()));
        return kinds;
    }

    private static String name(JsonNode manifest) {
        return manifest.path("kind").asText() + "/" + manifest.at("/metadata/name").asText();
    }
}
