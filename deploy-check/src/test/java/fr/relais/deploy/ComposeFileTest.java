package fr.relais.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every compose file of deploy/compose is valid against the Compose specification's JSON Schema (vendored in
 * deploy/compose/schema, draft 7), the files it mounts exist, and its Relais images carry a version, never latest.
 * The YAML is read as compose reads it: anchors and merge keys resolved first, then the schema applies.
 */
class ComposeFileTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path REPO = Path.of("").toAbsolutePath().getParent();
    private static final Path COMPOSE = REPO.resolve("deploy/compose");
    private static final Schema SPECIFICATION = specification();

    static Stream<Path> composeFiles() throws IOException {
        try (Stream<Path> files = Files.list(COMPOSE)) {
            List<Path> yaml = files.filter(f -> f.getFileName().toString().matches("compose.*\\.ya?ml")).sorted().toList();
            assertThat(yaml).extracting(f -> f.getFileName().toString()).contains("compose.yaml", "compose.devstack.yaml");
            return yaml.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("composeFiles")
    void matchesTheComposeSpecification(Path file) throws IOException {
        List<Error> errors = SPECIFICATION.validate(read(file));
        assertThat(errors).as(file + " against compose-spec.json").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("composeFiles")
    void mountsOnlyFilesThatExist(Path file) throws IOException {
        List<String> missing = new ArrayList<>();
        for (JsonNode service : iterable(read(file).path("services").elements())) {
            for (JsonNode volume : service.path("volumes")) {
                String source = volume.asText().split(":")[0];
                if (source.startsWith(".") && !Files.exists(file.getParent().resolve(source).normalize())) {
                    missing.add(source);
                }
            }
        }
        assertThat(missing).as("bind-mount sources of " + file).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("composeFiles")
    void namesEveryImageWithAVersion(Path file) throws IOException {
        JsonNode services = read(file).path("services");
        assertThat(services.size()).isPositive();
        for (Map.Entry<String, JsonNode> service : iterable(services.fields())) {
            String image = service.getValue().path("image").asText();
            assertThat(image).as(service.getKey() + "'s image").contains(":").doesNotEndWith(":latest");
        }
    }

    @Test
    void rejectsAFileThatBreaksTheSpecification() throws IOException {
        // the validator really applies the schema: a misspelt key and a wrong type are both reported
        JsonNode broken = yaml("""
                services:
                  web:
                    image: relais/channel-gateway:1
                    restrat: always
                    ports: 8080
                """);
        assertThat(SPECIFICATION.validate(broken)).hasSizeGreaterThanOrEqualTo(2);
    }

    private static JsonNode read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            return JSON.valueToTree(new Yaml(new SafeConstructor(new LoaderOptions())).load(in));
        }
    }

    private static JsonNode yaml(String text) {
        return JSON.valueToTree(new Yaml(new SafeConstructor(new LoaderOptions())).load(text));
    }

    private static Schema specification() {
        Path file = COMPOSE.resolve("schema/compose-spec.json");
        try (InputStream in = Files.newInputStream(file)) {
            // its $id is relative (compose_spec.json): the file's own location is the base it resolves against
            return SchemaRegistry.withDialect(Dialects.getDraft7()).getSchema(SchemaLocation.of(file.toUri().toString()), JSON.readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the vendored compose specification schema", e);
        }
    }

    private static <T> Iterable<T> iterable(Iterator<T> iterator) {
        return () -> iterator;
    }
}
