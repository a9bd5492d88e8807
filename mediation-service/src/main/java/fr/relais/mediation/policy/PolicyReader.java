package fr.relais.mediation.policy;

import fr.relais.mediation.domain.FrictionPolicy;
import fr.relais.mediation.domain.Priority;
import fr.relais.mediation.domain.PriorityRule;
import fr.relais.mediation.domain.Sla;
import fr.relais.mediation.domain.SignalKind;
import fr.relais.mediation.domain.SignalRule;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and validates the friction policy file (YAML). Every problem stops the load with a
 * {@link PolicyException} naming the file and the line: YAML syntax, unknown or duplicate keys, a missing
 * version or threshold, a version that disagrees with the file name ({@code v<version>.yaml}), an unknown
 * signal kind, a negative weight, a window or half-life that is not a positive ISO-8601 duration, a
 * {@code minOccurrences} or {@code maxCount} below 1, a procedure override naming an unknown signal, a
 * priority rule that can never match, a missing SLA or one whose first contact is later than its
 * resolution, an at-risk ratio outside ]0, 1[, a pool or site that is not a code.
 */
public final class PolicyReader {

    private static final Pattern CODE = Pattern.compile("^[a-z0-9][a-z0-9-]{0,63}$");
    private static final Pattern FILE_VERSION = Pattern.compile("(?:^|/)v([0-9]+)\\.ya?ml$");
    private static final Set<String> ROOT_KEYS = Set.of("version", "description", "threshold", "atRiskRatio", "signals",
            "priorities", "sla", "routing", "procedures");
    private static final Set<String> RULE_KEYS = Set.of("weight", "window", "halfLife", "minOccurrences", "maxCount");
    private static final Set<String> PRIORITY_KEYS = Set.of("minScore", "whenAll", "whenAny");
    private static final Set<String> SLA_KEYS = Set.of("firstContact", "resolution");
    private static final Set<String> ROUTING_KEYS = Set.of("defaultPool", "sites");
    private static final Set<String> OVERRIDE_KEYS = Set.of("threshold", "signals");

    private final String source;

    private PolicyReader(String source) {
        this.source = source;
    }

    /** Loads a policy from the classpath, e.g. {@code friction-policy/v1.yaml}. */
    public static FrictionPolicy fromClasspath(String resource) {
        InputStream in = PolicyReader.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new PolicyException(resource, 0, "no such file on the classpath");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return read(resource, reader);
        } catch (java.io.IOException e) {
            throw new PolicyException(resource, 0, "unreadable: " + e.getMessage());
        }
    }

    /** @param source the name used in error messages */
    public static FrictionPolicy read(String source, Reader reader) {
        return new PolicyReader(source).read(reader);
    }

    private FrictionPolicy read(Reader reader) {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new PolicyException(source, mark == null ? 0 : mark.getLine() + 1, "not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new PolicyException(source, 0, "not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            throw new PolicyException(source, 1, "empty policy file");
        }
        Map<String, NodeTuple> top = mapping(root, ROOT_KEYS, "the policy");
        Node versionNode = required(top, "version", root, "the policy");
        int version = (int) number(versionNode, "version", true);
        if (version < 1) {
            throw error(versionNode, "version starts at 1");
        }
        Matcher matcher = FILE_VERSION.matcher(source);
        if (matcher.find() && !matcher.group(1).equals(Integer.toString(version))) {
            throw error(versionNode, "version " + version + " does not match its file name 'v" + matcher.group(1) + ".yaml'");
        }
        Node thresholdNode = required(top, "threshold", root, "the policy");
        double threshold = positive(thresholdNode, "threshold");

        double atRiskRatio = 0.8;
        if (top.containsKey("atRiskRatio")) {
            Node node = top.get("atRiskRatio").getValueNode();
            atRiskRatio = number(node, "atRiskRatio", false);
            if (!(atRiskRatio > 0 && atRiskRatio < 1)) {
                throw error(node, "atRiskRatio must be between 0 and 1 (exclusive), e.g. 0.8");
            }
        }

        Node signalsNode = required(top, "signals", root, "the policy");
        Map<SignalKind, SignalRule> signals = new EnumMap<>(SignalKind.class);
        for (NodeTuple tuple : mapping(signalsNode, null, "signals").values()) {
            SignalKind kind = kind(tuple.getKeyNode());
            signals.put(kind, rule(tuple.getValueNode(), null, "signal '" + kind.wire() + "'"));
        }
        if (signals.isEmpty()) {
            throw error(signalsNode, "'signals' names no signal");
        }

        PriorityRule urgent = null;
        PriorityRule high = null;
        if (top.containsKey("priorities")) {
            Node node = top.get("priorities").getValueNode();
            for (NodeTuple tuple : mapping(node, Set.of("urgent", "high"), "priorities").values()) {
                String name = text(tuple.getKeyNode());
                PriorityRule rule = priorityRule(tuple.getValueNode(), name);
                if (name.equals("urgent")) {
                    urgent = rule;
                } else {
                    high = rule;
                }
            }
        }

        Node slaNode = required(top, "sla", root, "the policy");
        Map<String, NodeTuple> slaMap = mapping(slaNode, Set.of("urgent", "high", "normal"), "sla");
        Map<Priority, Sla> slas = new EnumMap<>(Priority.class);
        for (Priority priority : Priority.values()) {
            NodeTuple tuple = slaMap.get(priority.wire());
            if (tuple == null) {
                throw error(slaNode, "no SLA for priority '" + priority.wire() + "'");
            }
            Map<String, NodeTuple> fields = mapping(tuple.getValueNode(), SLA_KEYS, "sla '" + priority.wire() + "'");
            Duration first = duration(required(fields, "firstContact", tuple.getValueNode(), "sla '" + priority.wire() + "'"),
                    "firstContact");
            Node resolutionNode = required(fields, "resolution", tuple.getValueNode(), "sla '" + priority.wire() + "'");
            Duration resolution = duration(resolutionNode, "resolution");
            if (resolution.compareTo(first) < 0) {
                throw error(resolutionNode, "resolution (" + resolution + ") is sooner than firstContact (" + first
                        + ") in sla '" + priority.wire() + "'");
            }
            slas.put(priority, new Sla(first, resolution));
        }

        Node routingNode = required(top, "routing", root, "the policy");
        Map<String, NodeTuple> routing = mapping(routingNode, ROUTING_KEYS, "routing");
        String defaultPool = code(required(routing, "defaultPool", routingNode, "routing"), "defaultPool");
        Map<String, String> sitePools = new LinkedHashMap<>();
        if (routing.containsKey("sites")) {
            for (NodeTuple tuple : mapping(routing.get("sites").getValueNode(), null, "routing sites").values()) {
                sitePools.put(code(tuple.getKeyNode(), "site"), code(tuple.getValueNode(), "pool"));
            }
        }

        Map<String, FrictionPolicy.ProcedureOverride> procedures = new LinkedHashMap<>();
        if (top.containsKey("procedures")) {
            for (NodeTuple tuple : mapping(top.get("procedures").getValueNode(), null, "procedures").values()) {
                String procedure = code(tuple.getKeyNode(), "procedure id");
                String where = "procedure '" + procedure + "'";
                Map<String, NodeTuple> fields = mapping(tuple.getValueNode(), OVERRIDE_KEYS, where);
                Double procedureThreshold = fields.containsKey("threshold")
                        ? positive(fields.get("threshold").getValueNode(), "threshold") : null;
                Map<SignalKind, SignalRule> overrides = new EnumMap<>(SignalKind.class);
                if (fields.containsKey("signals")) {
                    for (NodeTuple rule : mapping(fields.get("signals").getValueNode(), null, where + " signals").values()) {
                        SignalKind kind = kind(rule.getKeyNode());
                        overrides.put(kind, rule(rule.getValueNode(), signals.get(kind),
                                "signal '" + kind.wire() + "' of " + where));
                    }
                }
                procedures.put(procedure, new FrictionPolicy.ProcedureOverride(procedureThreshold, overrides));
            }
        }
        return new FrictionPolicy(version, threshold, signals, procedures, urgent, high, slas, atRiskRatio,
                new FrictionPolicy.Routing(defaultPool, sitePools));
    }

    /** A signal rule; in an override, missing fields come from {@code base} (the default rule of that signal). */
    private SignalRule rule(Node node, SignalRule base, String where) {
        Map<String, NodeTuple> fields = mapping(node, RULE_KEYS, where);
        double weight;
        if (fields.containsKey("weight")) {
            Node weightNode = fields.get("weight").getValueNode();
            weight = number(weightNode, "weight", false);
            if (weight < 0) {
                throw error(weightNode, "negative weight " + weight + " in " + where + " (a signal can only add friction)");
            }
        } else if (base != null) {
            weight = base.weight();
        } else {
            throw error(node, "no 'weight' in " + where);
        }
        Duration window = fields.containsKey("window") ? duration(fields.get("window").getValueNode(), "window")
                : base != null ? base.window() : null;
        if (window == null) {
            throw error(node, "no 'window' in " + where);
        }
        Duration halfLife = fields.containsKey("halfLife") ? duration(fields.get("halfLife").getValueNode(), "halfLife")
                : base != null ? base.halfLife() : null;
        if (halfLife == null) {
            throw error(node, "no 'halfLife' in " + where);
        }
        int minOccurrences = fields.containsKey("minOccurrences")
                ? atLeastOne(fields.get("minOccurrences").getValueNode(), "minOccurrences")
                : base != null ? base.minOccurrences() : 1;
        int maxCount = fields.containsKey("maxCount") ? atLeastOne(fields.get("maxCount").getValueNode(), "maxCount")
                : base != null ? base.maxCount() : 3;
        return new SignalRule(weight, window, halfLife, minOccurrences, maxCount);
    }

    private PriorityRule priorityRule(Node node, String name) {
        String where = "priority '" + name + "'";
        Map<String, NodeTuple> fields = mapping(node, PRIORITY_KEYS, where);
        Double minScore = fields.containsKey("minScore") ? positive(fields.get("minScore").getValueNode(), "minScore") : null;
        Set<SignalKind> all = kinds(fields.get("whenAll"), where);
        Set<SignalKind> any = kinds(fields.get("whenAny"), where);
        if (minScore == null && all.isEmpty() && any.isEmpty()) {
            throw error(node, where + " can never match: give minScore, whenAll or whenAny");
        }
        return new PriorityRule(minScore, all, any);
    }

    private Set<SignalKind> kinds(NodeTuple tuple, String where) {
        Set<SignalKind> kinds = EnumSet.noneOf(SignalKind.class);
        if (tuple == null) {
            return kinds;
        }
        if (!(tuple.getValueNode() instanceof SequenceNode list)) {
            throw error(tuple.getValueNode(), "'" + text(tuple.getKeyNode()) + "' must be a list of signals in " + where);
        }
        for (Node item : list.getValue()) {
            kinds.add(kind(item));
        }
        return kinds;
    }

    private SignalKind kind(Node node) {
        String name = text(node);
        return SignalKind.fromWire(name).orElseThrow(() -> error(node, "unknown signal '" + name + "' (known: "
                + java.util.Arrays.stream(SignalKind.values()).map(SignalKind::wire).toList() + ")"));
    }

    private Map<String, NodeTuple> mapping(Node node, Set<String> allowed, String what) {
        if (!(node instanceof MappingNode mapping)) {
            throw error(node, what + " must be a mapping");
        }
        Map<String, NodeTuple> result = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = text(tuple.getKeyNode());
            if (allowed != null && !allowed.contains(key)) {
                throw error(tuple.getKeyNode(), "unknown key '" + key + "' in " + what + " (allowed: " + new java.util.TreeSet<>(allowed) + ")");
            }
            if (result.put(key, tuple) != null) {
                throw error(tuple.getKeyNode(), "duplicate key '" + key + "' in " + what);
            }
        }
        return result;
    }

    private Node required(Map<String, NodeTuple> map, String key, Node parent, String what) {
        NodeTuple tuple = map.get(key);
        if (tuple == null) {
            throw error(parent, "missing '" + key + "' in " + what);
        }
        return tuple.getValueNode();
    }

    private String text(Node node) {
        if (!(node instanceof ScalarNode scalar)) {
            throw error(node, "expected a single value");
        }
        return scalar.getValue();
    }

    private String code(Node node, String what) {
        String value = text(node);
        if (!CODE.matcher(value).matches()) {
            throw error(node, "bad " + what + " '" + value + "' (lowercase code, e.g. 93 or fs-gueret)");
        }
        return value;
    }

    private double number(Node node, String what, boolean integer) {
        String value = text(node);
        try {
            return integer ? Integer.parseInt(value) : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw error(node, what + " must be " + (integer ? "an integer" : "a number") + ", not '" + value + "'");
        }
    }

    private double positive(Node node, String what) {
        double value = number(node, what, false);
        if (!(value > 0) || Double.isInfinite(value)) {
            throw error(node, what + " must be a positive number, not '" + text(node) + "'");
        }
        return value;
    }

    private int atLeastOne(Node node, String what) {
        int value = (int) number(node, what, true);
        if (value < 1) {
            throw error(node, what + " must be at least 1");
        }
        return value;
    }

    private Duration duration(Node node, String what) {
        String value = text(node);
        Duration duration;
        try {
            duration = Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw error(node, what + " must be an ISO-8601 duration such as PT2H or P3D, not '" + value + "'");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw error(node, what + " must be positive, not '" + value + "'");
        }
        return duration;
    }

    private PolicyException error(Node node, String problem) {
        return new PolicyException(source, node == null || node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1,
                problem);
    }
}
