package fr.relais.system.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard and rule files, read without any service or Prometheus: every PromQL expression is found,
 * named after its source, and left with no Grafana variable in it; the dashboards are well-formed and use
 * the provisioned datasource.
 */
class DashboardFilesTest {

    private static final Set<String> PANEL_TYPES = Set.of("row", "timeseries", "stat", "table", "bargauge");
    private static final String DATASOURCE_UID = "relais-prometheus";
    /** A range written in a dashboard query must come from Grafana ($__rate_interval, $__range…), not be fixed. */
    private static final Pattern FIXED_RANGE = Pattern.compile("\\[\\s*\\d+[smhdwy]");

    private final ObjectMapper json = new ObjectMapper();
    private final ObjectMapper yaml = new YAMLMapper();

    @Test
    void findsExpressionsInEveryDashboardAndRuleFile() {
        List<Path> dashboards = PromQlExpressions.dashboardFiles(DeployFiles.dashboards());
        assertThat(dashboards).as("dashboards in %s", DeployFiles.dashboards()).hasSizeGreaterThanOrEqualTo(3);
        for (Path dashboard : dashboards) {
            assertThat(PromQlExpressions.fromDashboard(dashboard))
                    .as("panel expressions of %s", dashboard.getFileName())
                    .filteredOn(e -> e.kind() == PromQlExpression.Kind.PANEL)
                    .isNotEmpty();
        }
        List<Path> ruleFiles = PromQlExpressions.ruleFiles(DeployFiles.rules());
        assertThat(ruleFiles).as("rule files in %s", DeployFiles.rules()).isNotEmpty();
        for (Path ruleFile : ruleFiles) {
            assertThat(PromQlExpressions.fromRuleFile(ruleFile)).as("rules of %s", ruleFile.getFileName()).isNotEmpty();
        }

        List<PromQlExpression> all = PromQlExpressions.all();
        assertThat(all).filteredOn(e -> e.kind() == PromQlExpression.Kind.ALERT).isNotEmpty();
        assertThat(all).allSatisfy(e -> {
            assertThat(e.source()).isNotBlank();
            assertThat(e.expr()).as(e.source()).isNotBlank();
        });
        assertThat(all).extracting(PromQlExpression::source).doesNotHaveDuplicates();
    }

    @Test
    void noGrafanaVariableIsLeftAfterSubstitution() {
        assertThat(PromQlExpressions.all())
                .allSatisfy(e -> assertThat(e.expr()).as(e.source()).doesNotContain("$").doesNotContain("[["));
    }

    @Test
    void substitutesEveryVariableSyntax() {
        Set<String> variables = Set.of("service", "procedure");
        assertThat(PromQlExpressions.substitute(
                "sum by (service) (rate(x{service=~\"$service\", procedure=~\"${procedure}\"}[$__rate_interval]))", variables))
                .isEqualTo("sum by (service) (rate(x{service=~\".+\", procedure=~\".+\"}[1m]))");
        assertThat(PromQlExpressions.substitute("x{a=~\"${service:regex}\", b=~\"[[procedure]]\"}", variables))
                .isEqualTo("x{a=~\".+\", b=~\".+\"}");
        assertThat(PromQlExpressions.substitute("increase(x[$__range]) / $__range_s + rate(x[$__interval]) + $__interval_ms", variables))
                .isEqualTo("increase(x[1h]) / 3600 + rate(x[15s]) + 15000");
        assertThat(PromQlExpressions.substitute("deriv(x[10m:1m])", variables)).isEqualTo("deriv(x[10m:1m])");
        // a variable the dashboard does not declare stays, so the leftover check catches it
        assertThat(PromQlExpressions.substitute("x{site=~\"$site\"}", variables)).isEqualTo("x{site=~\"$site\"}");
        assertThat(PromQlExpressions.variableSelector("label_values(up{job=\"relais\"}, service)")).isEqualTo("up{job=\"relais\"}");
        assertThat(PromQlExpressions.variableSelector("label_values(service)")).isNull();
    }

    @Test
    void everyDashboardIsWellFormedAndQueriesTheRelaisPrometheus() throws IOException {
        Set<String> uids = new HashSet<>();
        for (Path file : PromQlExpressions.dashboardFiles(DeployFiles.dashboards())) {
            JsonNode dashboard = json.readTree(file.toFile());
            String name = file.getFileName().toString();
            assertThat(dashboard.path("title").asText()).as("title of %s", name).isNotBlank();
            assertThat(uids.add(dashboard.path("uid").asText())).as("unique uid of %s", name).isTrue();
            assertThat(dashboard.path("schemaVersion").asInt()).as("schemaVersion of %s", name).isBetween(36, 41);
            for (JsonNode variable : dashboard.path("templating").path("list")) {
                if (variable.has("datasource")) {
                    assertThat(variable.path("datasource").path("uid").asText())
                            .as("%s variable %s datasource", name, variable.path("name").asText()).isEqualTo(DATASOURCE_UID);
                }
            }
            List<JsonNode> panels = new ArrayList<>();
            flatten(dashboard.path("panels"), panels);
            assertThat(panels).as("panels of %s", name).anyMatch(p -> !"row".equals(p.path("type").asText()));
            Set<Integer> ids = new HashSet<>();
            for (JsonNode panel : panels) {
                String where = name + " / " + panel.path("title").asText();
                assertThat(ids.add(panel.path("id").asInt())).as("unique panel id in %s", where).isTrue();
                assertThat(panel.path("type").asText()).as("type of %s", where).isIn(PANEL_TYPES);
                JsonNode grid = panel.path("gridPos");
                assertThat(grid.path("x").asInt() + grid.path("w").asInt()).as("gridPos of %s", where).isBetween(1, 24);
                assertThat(grid.path("h").asInt()).as("height of %s", where).isPositive();
                if ("row".equals(panel.path("type").asText())) {
                    continue;
                }
                assertThat(panel.path("description").asText()).as("description of %s", where).isNotBlank();
                assertThat(panel.path("datasource").path("uid").asText()).as("datasource of %s", where).isEqualTo(DATASOURCE_UID);
                assertThat(panel.path("targets")).as("targets of %s", where).isNotEmpty();
                Set<String> refIds = new HashSet<>();
                for (JsonNode target : panel.path("targets")) {
                    assertThat(refIds.add(target.path("refId").asText())).as("unique refId in %s", where).isTrue();
                    assertThat(target.path("datasource").path("uid").asText()).as("target datasource of %s", where).isEqualTo(DATASOURCE_UID);
                    String expr = target.path("expr").asText();
                    assertThat(expr).as("expr of %s / %s", where, target.path("refId").asText()).isNotBlank();
                    assertThat(FIXED_RANGE.matcher(expr).find())
                            .as("%s / %s uses a fixed range instead of $__rate_interval or $__range: %s", where, target.path("refId").asText(), expr)
                            .isFalse();
                }
            }
        }
    }

    @Test
    void grafanaProvisioningLoadsTheDashboardsAndTheRelaisPrometheus() throws IOException {
        JsonNode datasources = yaml.readTree(DeployFiles.grafanaProvisioning().resolve("datasources/prometheus.yml").toFile());
        assertThat(datasources.path("datasources")).anySatisfy(ds -> {
            assertThat(ds.path("uid").asText()).isEqualTo(DATASOURCE_UID);
            assertThat(ds.path("type").asText()).isEqualTo("prometheus");
            assertThat(ds.path("url").asText()).isEqualTo("http://127.0.0.1:19090");
        });
        JsonNode providers = yaml.readTree(DeployFiles.grafanaProvisioning().resolve("dashboards/relais.yml").toFile());
        assertThat(providers.path("providers")).anySatisfy(p -> {
            assertThat(p.path("type").asText()).isEqualTo("file");
            assertThat(p.path("options").path("path").asText()).endsWith("deploy/grafana/dashboards");
        });
    }

    private static void flatten(JsonNode panels, List<JsonNode> into) {
        for (JsonNode panel : panels) {
            into.add(panel);
            flatten(panel.path("panels"), into);
        }
    }
}
