package fr.relais.mediation.config;

import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * mediation-service cannot ask journey-service which steps a procedure has, so its closed list of metric
 * labels is configuration; this test reads journey-service's procedure definitions in the same checkout and
 * fails when a procedure or a step is added there without being added here (it would be counted as 'other').
 */
class MetricLabelsConsistencyTest {

    private static final String PREFIX = "relais.metric-labels.procedures.";
    private static final Path PROCEDURES = Path.of("..", "journey-service", "src", "main", "resources", "procedures");

    @Test
    void theConfiguredStepsAreTheStepsOfJourneyServicesProcedures() throws IOException {
        assertThat(PROCEDURES.resolve("index.txt")).as("journey-service's procedure index, next to this module").exists();
        assertThat(configured()).isEqualTo(defined());
    }

    private static Map<String, Set<String>> configured() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MetricLabelsConsistencyTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        Map<String, Set<String>> procedures = new TreeMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith(PREFIX)) {
                procedures.put(name.substring(PREFIX.length()),
                        new LinkedHashSet<>(Arrays.asList(properties.getProperty(name).split("\\s*,\\s*"))));
            }
        }
        return procedures;
    }

    private static Map<String, Set<String>> defined() throws IOException {
        Map<String, Set<String>> procedures = new TreeMap<>();
        YAMLMapper yaml = new YAMLMapper();
        List<String> files = new ArrayList<>();
        for (String line : Files.readAllLines(PROCEDURES.resolve("index.txt"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                files.add(line.trim());
            }
        }
        assertThat(files).isNotEmpty();
        for (String file : files) {
            try (Reader reader = Files.newBufferedReader(PROCEDURES.resolve(file))) {
                JsonNode definition = yaml.readTree(reader);
                Set<String> steps = procedures.computeIfAbsent(definition.get("id").asText(), id -> new LinkedHashSet<>());
                for (JsonNode step : definition.get("steps")) {
                    steps.add(step.get("id").asText());
                }
            }
        }
        return procedures;
    }
}
