package fr.relais.system.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every PromQL expression of the Grafana dashboards (panel targets and variable queries) and of the
 * Prometheus rule files, named after where it came from, with Grafana's variables replaced by values
 * Prometheus accepts.
 */
public final class PromQlExpressions {

    /** Grafana's built-in variables and the value the proof gives each. */
    public static final Map<String, String> BUILT_INS = Map.of(
            "__rate_interval", "1m",
            "__interval", "15s",
            "__interval_ms", "15000",
            "__range", "1h",
            "__range_s", "3600",
            "__range_ms", "3600000");

    /** A dashboard template variable becomes a regex that matches any non-empty value: use it with {@code =~}. */
    public static final String TEMPLATE_VARIABLE_VALUE = ".+";

    /** $name, ${name}, ${name:format}, [[name]], [[name:format]]. */
    private static final Pattern VARIABLE = Pattern.compile(
            "\\$\\{(\\w+)(?::[^}]*)?}|\\[\\[(\\w+)(?::[^\\]]*)?]]|\\$(\\w+)");
    /** label_values(selector, label): the selector is PromQL; label_values(label) alone has none. */
    private static final Pattern LABEL_VALUES = Pattern.compile("^\\s*label_values\\s*\\((.*),\\s*\\w+\\s*\\)\\s*$", Pattern.DOTALL);
    private static final Pattern QUERY_RESULT = Pattern.compile("^\\s*query_result\\s*\\((.*)\\)\\s*$", Pattern.DOTALL);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new YAMLMapper();

    private PromQlExpressions() {
    }

    /** Everything under the checkout's deploy/: dashboards first, then rules. */
    public static List<PromQlExpression> all() {
        List<PromQlExpression> all = new ArrayList<>(fromDashboards(DeployFiles.dashboards()));
        all.addAll(fromRules(DeployFiles.rules()));
        return all;
    }

    public static List<Path> dashboardFiles(Path dir) {
        return files(dir, ".json");
    }

    public static List<Path> ruleFiles(Path dir) {
        List<Path> files = new ArrayList<>(files(dir, ".yml"));
        files.addAll(files(dir, ".yaml"));
        return files;
    }

    public static List<PromQlExpression> fromDashboards(Path dir) {
        List<PromQlExpression> all = new ArrayList<>();
        for (Path file : dashboardFiles(dir)) {
            all.addAll(fromDashboard(file));
        }
        return all;
    }

    public static List<PromQlExpression> fromDashboard(Path file) {
        JsonNode dashboard = read(JSON, file);
        String title = dashboard.path("title").asText(file.getFileName().toString());
        Set<String> variables = new LinkedHashSet<>();
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            variables.add(variable.path("name").asText());
        }
        List<PromQlExpression> found = new ArrayList<>();
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if (!"query".equals(variable.path("type").asText())) {
                continue;
            }
            JsonNode query = variable.path("query");
            String text = query.isObject() ? query.path("query").asText("") : query.asText("");
            String selector = variableSelector(text);
            if (selector != null) {
                found.add(new PromQlExpression(PromQlExpression.Kind.VARIABLE,
                        "dashboard '" + title + "' / variable '" + variable.path("name").asText() + "'",
                        selector, substitute(selector, variables)));
            }
        }
        collectPanels(dashboard.path("panels"), title, variables, found);
        return found;
    }

    /** The PromQL inside a Grafana Prometheus variable query, or null when there is none. */
    static String variableSelector(String query) {
        Matcher labelValues = LABEL_VALUES.matcher(query);
        if (labelValues.matches()) {
            return labelValues.group(1).trim();
        }
        Matcher queryResult = QUERY_RESULT.matcher(query);
        if (queryResult.matches()) {
            return queryResult.group(1).trim();
        }
        return null;
    }

    private static void collectPanels(JsonNode panels, String dashboard, Set<String> variables, List<PromQlExpression> found) {
        for (JsonNode panel : panels) {
            String panelTitle = panel.path("title").asText("(untitled)");
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asText("");
                if (expr.isBlank()) {
                    continue;
                }
                found.add(new PromQlExpression(PromQlExpression.Kind.PANEL,
                        "dashboard '" + dashboard + "' / panel '" + panelTitle + "' / " + target.path("refId").asText("?"),
                        expr, substitute(expr, variables)));
            }
            // a collapsed row keeps its panels inside it
            collectPanels(panel.path("panels"), dashboard, variables, found);
        }
    }

    public static List<PromQlExpression> fromRules(Path dir) {
        List<PromQlExpression> all = new ArrayList<>();
        for (Path file : ruleFiles(dir)) {
            all.addAll(fromRuleFile(file));
        }
        return all;
    }

    public static List<PromQlExpression> fromRuleFile(Path file) {
        JsonNode rules = read(YAML, file);
        List<PromQlExpression> found = new ArrayList<>();
        for (JsonNode group : rules.path("groups")) {
            String groupName = group.path("name").asText("?");
            for (JsonNode rule : group.path("rules")) {
                boolean alert = rule.hasNonNull("alert");
                String name = alert ? rule.path("alert").asText() : rule.path("record").asText("?");
                String expr = rule.path("expr").asText("").strip();
                found.add(new PromQlExpression(alert ? PromQlExpression.Kind.ALERT : PromQlExpression.Kind.RECORDING,
                        "rules " + file.getFileName() + " / group '" + groupName + "' / " + (alert ? "alert '" : "record '") + name + "'",
                        expr, expr));
            }
        }
        return found;
    }

    /**
     * Replaces Grafana's built-in variables by {@link #BUILT_INS} and the dashboard's own template variables
     * by {@link #TEMPLATE_VARIABLE_VALUE}, in all three syntaxes. Anything else that looks like a variable is
     * left as it is, so that a check for a leftover {@code $} finds it.
     */
    public static String substitute(String expr, Set<String> templateVariables) {
        Matcher m = VARIABLE.matcher(expr);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            String value = BUILT_INS.containsKey(name) ? BUILT_INS.get(name)
                    : templateVariables.contains(name) ? TEMPLATE_VARIABLE_VALUE
                    : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static List<Path> files(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(dir + " is not a directory");
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(ObjectMapper mapper, Path file) {
        try {
            return mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
