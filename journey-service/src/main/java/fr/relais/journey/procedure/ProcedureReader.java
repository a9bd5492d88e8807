package fr.relais.journey.procedure;

import fr.relais.events.channel.Channel;
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

import java.io.Reader;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads and validates one procedure file (YAML). Validation problems stop the load with a
 * {@link ProcedureDefinitionException} naming the file and the line of the offending node:
 * <ul>
 *   <li>YAML syntax errors, a document that is not a mapping, unknown or duplicate keys;</li>
 *   <li>a missing or malformed {@code id} or {@code version}, or one that disagrees with the file's path
 *       ({@code <id>/v<version>.yaml});</li>
 *   <li>no steps, a step without id, a duplicate step id, a malformed id;</li>
 *   <li>an unknown channel (only {@code portal}, {@code phone}, {@code desk}), a step without channels,
 *       a presence-required step that does not allow the desk;</li>
 *   <li>a missing or bad {@code expectedDuration} (ISO-8601, positive, e.g. {@code PT10M});</li>
 *   <li>a {@code next} naming an unknown step, an unreachable step (not reachable from the first step
 *       following {@code next}, or by default the following step);</li>
 *   <li>a field without name, a duplicate field name in a step, an unknown field type, a choice without
 *       options, options on a non-choice field, a pattern that is not a valid regular expression,
 *       a check field that is not a date, more than one check field in the procedure;</li>
 *   <li>a boolean ({@code presence}, {@code appointment}, {@code required}, {@code checkField}) that is not
 *       {@code true} or {@code false}.</li>
 * </ul>
 */
public final class ProcedureReader {

    private static final Pattern ID = Pattern.compile("^[a-z][a-z0-9]*(-[a-z0-9]+)*$");
    private static final Pattern PATH = Pattern.compile("(?:^|/)([^/]+)/v([0-9]+)\\.ya?ml$");
    private static final Set<String> ROOT_KEYS = Set.of("id", "version", "title", "steps");
    private static final Set<String> STEP_KEYS = Set.of("id", "title", "channels", "presence", "appointment",
            "expectedDuration", "fields", "next");
    private static final Set<String> FIELD_KEYS = Set.of("name", "label", "type", "required", "pattern",
            "options", "checkField");
    private static final Set<Channel> PROCEDURE_CHANNELS = EnumSet.of(Channel.PORTAL, Channel.PHONE, Channel.DESK);

    private final String source;

    private ProcedureReader(String source) {
        this.source = source;
    }

    /**
     * @param source the name used in error messages, normally the classpath resource path
     *               ({@code procedures/cni-renouvellement/v1.yaml})
     * @throws ProcedureDefinitionException if the file is unreadable or invalid
     */
    public static ProcedureDefinition read(String source, Reader reader) {
        return new ProcedureReader(source).read(reader);
    }

    private ProcedureDefinition read(Reader reader) {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new ProcedureDefinitionException(source, mark == null ? 0 : mark.getLine() + 1,
                    "not valid YAML: " + e.getProblem(), e);
        } catch (YAMLException e) {
            throw new ProcedureDefinitionException(source, 0, "not valid YAML: " + e.getMessage(), e);
        }
        if (root == null) {
            throw new ProcedureDefinitionException(source, 1, "empty procedure file");
        }
        Map<String, NodeTuple> top = mapping(root, ROOT_KEYS, "the procedure");

        String id = requiredText(top, "id", root, "the procedure");
        if (!ID.matcher(id).matches()) {
            throw error(top.get("id").getValueNode(), "bad procedure id '" + id + "' (lowercase kebab-case)");
        }
        Node versionNode = requiredNode(top, "version", root, "the procedure");
        int version = positiveInt(versionNode, "version");
        checkPath(id, version, top);
        String title = optionalText(top, "title");

        Node stepsNode = requiredNode(top, "steps", root, "the procedure");
        if (!(stepsNode instanceof SequenceNode stepsSeq) || stepsSeq.getValue().isEmpty()) {
            throw error(stepsNode, "'steps' must be a non-empty list");
        }

        List<StepDefinition> steps = new ArrayList<>();
        Map<String, Node> stepNodes = new LinkedHashMap<>();
        Map<String, List<ScalarNode>> nexts = new LinkedHashMap<>();
        boolean[] checkFieldSeen = {false};
        for (Node stepNode : stepsSeq.getValue()) {
            StepDefinition step = step(stepNode, stepNodes, nexts, checkFieldSeen);
            steps.add(step);
        }
        checkReachable(steps, stepNodes, nexts);
        return new ProcedureDefinition(id, version, title, steps);
    }

    private void checkPath(String id, int version, Map<String, NodeTuple> top) {
        Matcher matcher = PATH.matcher(source);
        if (!matcher.find()) {
            return;
        }
        if (!matcher.group(1).equals(id)) {
            throw error(top.get("id").getValueNode(),
                    "procedure id '" + id + "' does not match its directory '" + matcher.group(1) + "'");
        }
        if (!matcher.group(2).equals(Integer.toString(version))) {
            throw error(top.get("version").getValueNode(),
                    "version " + version + " does not match its file name 'v" + matcher.group(2) + "'");
        }
    }

    private StepDefinition step(Node node, Map<String, Node> stepNodes, Map<String, List<ScalarNode>> nexts,
                                boolean[] checkFieldSeen) {
        Map<String, NodeTuple> map = mapping(node, STEP_KEYS, "a step");
        String id = requiredText(map, "id", node, "a step");
        Node idNode = map.get("id").getValueNode();
        if (!ID.matcher(id).matches()) {
            throw error(idNode, "bad step id '" + id + "' (lowercase kebab-case)");
        }
        if (stepNodes.containsKey(id)) {
            throw error(idNode, "duplicate step id '" + id + "' (first at line " + line(stepNodes.get(id)) + ")");
        }
        stepNodes.put(id, node);
        String where = "in step '" + id + "'";
        String title = optionalText(map, "title");

        Node channelsNode = requiredNode(map, "channels", node, "step '" + id + "'");
        Set<Channel> channels = new LinkedHashSet<>();
        for (ScalarNode channelNode : scalarList(channelsNode, "channels", where)) {
            String value = channelNode.getValue();
            Channel channel = null;
            for (Channel candidate : PROCEDURE_CHANNELS) {
                if (candidate.wire().equals(value)) {
                    channel = candidate;
                }
            }
            if (channel == null) {
                throw error(channelNode, "unknown channel '" + value + "' " + where);
            }
            channels.add(channel);
        }
        if (channels.isEmpty()) {
            throw error(channelsNode, "no channels " + where);
        }
        boolean presence = bool(map, "presence", where);
        boolean appointment = bool(map, "appointment", where);
        if (presence && !channels.contains(Channel.DESK)) {
            throw error(map.get("presence").getValueNode(),
                    "step '" + id + "' requires presence but does not allow the desk channel");
        }
        Node durationNode = requiredNode(map, "expectedDuration", node, "step '" + id + "'");
        Duration duration = duration(durationNode, where);

        List<FieldDefinition> fields = new ArrayList<>();
        NodeTuple fieldsTuple = map.get("fields");
        if (fieldsTuple != null && !isNull(fieldsTuple.getValueNode())) {
            if (!(fieldsTuple.getValueNode() instanceof SequenceNode fieldSeq)) {
                throw error(fieldsTuple.getValueNode(), "'fields' must be a list " + where);
            }
            Set<String> names = new HashSet<>();
            for (Node fieldNode : fieldSeq.getValue()) {
                FieldDefinition field = field(fieldNode, id, names);
                if (field.checkField()) {
                    if (checkFieldSeen[0]) {
                        throw error(fieldNode, "a second check field '" + field.name() + "' " + where
                                + " (a procedure has at most one)");
                    }
                    checkFieldSeen[0] = true;
                }
                fields.add(field);
            }
        }
        NodeTuple nextTuple = map.get("next");
        if (nextTuple != null && !isNull(nextTuple.getValueNode())) {
            nexts.put(id, scalarList(nextTuple.getValueNode(), "next", where));
        }
        return new StepDefinition(id, title, channels, presence, appointment, duration, fields);
    }

    private FieldDefinition field(Node node, String stepId, Set<String> names) {
        String where = "in step '" + stepId + "'";
        Map<String, NodeTuple> map = mapping(node, FIELD_KEYS, "a field " + where);
        String name = requiredText(map, "name", node, "a field " + where);
        Node nameNode = map.get("name").getValueNode();
        if (!ID.matcher(name).matches()) {
            throw error(nameNode, "bad field name '" + name + "' " + where + " (lowercase kebab-case)");
        }
        if (!names.add(name)) {
            throw error(nameNode, "duplicate field '" + name + "' " + where);
        }
        String fieldWhere = "for field '" + name + "' " + where;
        String label = optionalText(map, "label");
        Node typeNode = requiredNode(map, "type", node, "field '" + name + "' " + where);
        String typeText = scalar(typeNode, "type").getValue();
        FieldType type = FieldType.fromWire(typeText);
        if (type == null) {
            throw error(typeNode, "unknown field type '" + typeText + "' " + fieldWhere
                    + " (text, date, number, choice, document)");
        }
        boolean required = bool(map, "required", fieldWhere);
        String pattern = optionalText(map, "pattern");
        if (pattern != null) {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw error(map.get("pattern").getValueNode(),
                        "bad pattern '" + pattern + "' " + fieldWhere + ": " + e.getDescription());
            }
        }
        List<String> options = new ArrayList<>();
        NodeTuple optionsTuple = map.get("options");
        if (optionsTuple != null && !isNull(optionsTuple.getValueNode())) {
            if (type != FieldType.CHOICE) {
                throw error(optionsTuple.getValueNode(), "options given for a " + type.wire() + " field " + fieldWhere
                        + " (only choice fields have options)");
            }
            Set<String> seen = new HashSet<>();
            for (ScalarNode option : scalarList(optionsTuple.getValueNode(), "options", fieldWhere)) {
                if (option.getValue().isBlank() || !seen.add(option.getValue())) {
                    throw error(option, "blank or duplicate option '" + option.getValue() + "' " + fieldWhere);
                }
                options.add(option.getValue());
            }
        }
        if (type == FieldType.CHOICE && options.isEmpty()) {
            throw error(node, "choice field '" + name + "' " + where + " has no options");
        }
        boolean checkField = bool(map, "checkField", fieldWhere);
        if (checkField && type != FieldType.DATE) {
            throw error(map.get("checkField").getValueNode(), "check field '" + name + "' " + where
                    + " must be a date (its year is the check value)");
        }
        return new FieldDefinition(name, label, type, required, pattern, options, checkField);
    }

    private void checkReachable(List<StepDefinition> steps, Map<String, Node> stepNodes,
                                Map<String, List<ScalarNode>> nexts) {
        Map<String, List<String>> edges = new LinkedHashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            String id = steps.get(i).id();
            List<String> targets = new ArrayList<>();
            if (nexts.containsKey(id)) {
                for (ScalarNode target : nexts.get(id)) {
                    if (!stepNodes.containsKey(target.getValue())) {
                        throw error(target, "unknown step '" + target.getValue() + "' in 'next' of step '" + id + "'");
                    }
                    targets.add(target.getValue());
                }
            } else if (i + 1 < steps.size()) {
                targets.add(steps.get(i + 1).id());
            }
            edges.put(id, targets);
        }
        String first = steps.get(0).id();
        Set<String> reached = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(first);
        while (!todo.isEmpty()) {
            String id = todo.poll();
            if (reached.add(id)) {
                todo.addAll(edges.get(id));
            }
        }
        for (StepDefinition step : steps) {
            if (!reached.contains(step.id())) {
                throw error(stepNodes.get(step.id()),
                        "unreachable step '" + step.id() + "' (not reachable from the first step '" + first + "')");
            }
        }
    }

    // ---- node helpers

    private Map<String, NodeTuple> mapping(Node node, Set<String> allowed, String what) {
        if (!(node instanceof MappingNode mappingNode)) {
            throw error(node, "expected a mapping for " + what);
        }
        Map<String, NodeTuple> map = new LinkedHashMap<>();
        for (NodeTuple tuple : mappingNode.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                throw error(tuple.getKeyNode(), "expected a plain key in " + what);
            }
            if (!allowed.contains(key.getValue())) {
                throw error(key, "unknown key '" + key.getValue() + "' in " + what);
            }
            if (map.put(key.getValue(), tuple) != null) {
                throw error(key, "duplicate key '" + key.getValue() + "' in " + what);
            }
        }
        return map;
    }

    private Node requiredNode(Map<String, NodeTuple> map, String key, Node owner, String what) {
        NodeTuple tuple = map.get(key);
        if (tuple == null || isNull(tuple.getValueNode())) {
            throw error(tuple == null ? owner : tuple.getValueNode(), "missing '" + key + "' in " + what);
        }
        return tuple.getValueNode();
    }

    private String requiredText(Map<String, NodeTuple> map, String key, Node owner, String what) {
        String value = scalar(requiredNode(map, key, owner, what), key).getValue().trim();
        if (value.isEmpty()) {
            throw error(map.get(key).getValueNode(), "missing '" + key + "' in " + what);
        }
        return value;
    }

    private String optionalText(Map<String, NodeTuple> map, String key) {
        NodeTuple tuple = map.get(key);
        if (tuple == null || isNull(tuple.getValueNode())) {
            return null;
        }
        return scalar(tuple.getValueNode(), key).getValue();
    }

    private boolean bool(Map<String, NodeTuple> map, String key, String where) {
        NodeTuple tuple = map.get(key);
        if (tuple == null || isNull(tuple.getValueNode())) {
            return false;
        }
        String value = scalar(tuple.getValueNode(), key).getValue().trim();
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw error(tuple.getValueNode(), "expected true or false for '" + key + "' " + where + ", got '" + value + "'");
    }

    private int positiveInt(Node node, String key) {
        String value = scalar(node, key).getValue().trim();
        try {
            int number = Integer.parseInt(value);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw error(node, "bad '" + key + "' '" + value + "' (a whole number from 1)");
    }

    private Duration duration(Node node, String where) {
        String value = scalar(node, "expectedDuration").getValue().trim();
        try {
            Duration duration = Duration.parse(value);
            if (!duration.isNegative() && !duration.isZero()) {
                return duration;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw error(node, "bad duration '" + value + "' " + where + " (ISO-8601 and positive, e.g. PT10M)");
    }

    private List<ScalarNode> scalarList(Node node, String key, String where) {
        if (node instanceof ScalarNode scalarNode && !isNull(node)) {
            return List.of(scalarNode);
        }
        if (!(node instanceof SequenceNode sequence)) {
            throw error(node, "'" + key + "' must be a list " + where);
        }
        List<ScalarNode> values = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            values.add(scalar(item, key));
        }
        return values;
    }

    private ScalarNode scalar(Node node, String key) {
        if (!(node instanceof ScalarNode scalarNode)) {
            throw error(node, "'" + key + "' must be a single value");
        }
        return scalarNode;
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar && "tag:yaml.org,2002:null".equals(scalar.getTag().getValue());
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    private ProcedureDefinitionException error(Node node, String problem) {
        return new ProcedureDefinitionException(source, line(node), problem);
    }
}
