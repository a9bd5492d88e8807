package fr.relais.system.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert rules, read without Prometheus: each alert says how bad it is and what to do, its runbook link
 * leads to a section of deploy/README.md, and a promtool unit test covers it (deploy/prometheus/check.sh runs them).
 */
class AlertRuleFilesTest {

    private static final Set<String> SEVERITIES = Set.of("critical", "warning", "info");
    private static final Pattern RUNBOOK = Pattern.compile("^deploy/README\\.md#([a-z0-9-]+)$");

    @Test
    void everyAlertHasSeveritySummaryDescriptionRunbookAndATest() throws IOException {
        Set<String> anchors = readmeAnchors();
        String ruleTests = ruleTests();
        Set<String> names = new HashSet<>();
        int alerts = 0;
        for (Path file : PromQlExpressions.ruleFiles(DeployFiles.rules())) {
            JsonNode root = new YAMLMapper().readTree(file.toFile());
            for (JsonNode group : root.path("groups")) {
                for (JsonNode rule : group.path("rules")) {
                    if (!rule.hasNonNull("alert")) {
                        continue;
                    }
                    alerts++;
                    String alert = rule.path("alert").asText();
                    String where = file.getFileName() + " / " + alert;
                    assertThat(names.add(alert)).as("alert names are unique: %s", where).isTrue();
                    assertThat(rule.path("labels").path("severity").asText()).as("severity of %s", where).isIn(SEVERITIES);
                    JsonNode annotations = rule.path("annotations");
                    for (String annotation : new String[] {"summary", "description", "runbook"}) {
                        assertThat(annotations.path(annotation).asText()).as("%s of %s", annotation, where).isNotBlank();
                    }
                    Matcher runbook = RUNBOOK.matcher(annotations.path("runbook").asText());
                    assertThat(runbook.matches()).as("runbook of %s points into deploy/README.md", where).isTrue();
                    assertThat(anchors).as("deploy/README.md has a section for %s", where).contains(runbook.group(1));
                    assertThat(Pattern.compile("alertname:\\s*" + Pattern.quote(alert) + "\\s*$", Pattern.MULTILINE).matcher(ruleTests).find())
                            .as("a promtool test in deploy/prometheus/tests covers %s", where).isTrue();
                }
            }
        }
        assertThat(alerts).isPositive();
    }

    /** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
    private static Set<String> readmeAnchors() throws IOException {
        return Files.readAllLines(DeployFiles.readme()).stream()
                .filter(line -> line.startsWith("#"))
                .map(line -> line.replaceFirst("^#+\\s*", "").trim().toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'))
                .collect(Collectors.toSet());
    }

    private static String ruleTests() throws IOException {
        StringBuilder all = new StringBuilder();
        for (Path test : PromQlExpressions.ruleFiles(DeployFiles.ruleTests())) {
            all.append(Files.readString(test)).append('\n');
        }
        return all.toString();
    }
}
