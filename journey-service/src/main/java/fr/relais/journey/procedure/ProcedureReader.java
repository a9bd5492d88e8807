package fr.relais.journey.procedure;

import fr.relais.events.channel.Channel;
import fr.relais.schema.YamlDocument;
import fr.relais.schema.YamlSchema;

import java.io.Reader;
import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
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
 * Reads one procedure file (YAML). Its format is {@code procedures/procedure.schema.json}: keys, types, required
 * values, ids, channels, field types and the shape of durations are checked there. This class checks what a schema
 * cannot say, in file order:
 * <ul>
 *   <li>the {@code id} and {@code version} agree with the file's path ({@code <id>/v<version>.yaml});</li>
 *   <li>step ids are unique; a presence-required step allows the desk; {@code expectedDuration} is positive;</li>
 *   <li>field names are unique within a step; a pattern is a valid Java regular expression; only choice fields have
 *       options, and every choice field has some; a check field is a date, and a procedure has at most one;</li>
 *   <li>{@code next} names known steps, and every step is reachable from the first (following {@code next}, or by
 *       default the following step).</li>
 * </ul>
 * Every problem is a {@link ProcedureDefinitionException} naming the file, the JSON pointer, the line and what is expected.
 */
public final class ProcedureReader {

    static final String SCHEMA = "procedures/procedure.schema.json";
    private static final YamlSchema FORMAT = YamlSchema.fromClasspath(SCHEMA);
    private static final Pattern PATH = Pattern.compile("(?:^|/)([^/]+)/v([0-9]+)\\.ya?ml$");

    private final YamlDocument document;

    private ProcedureReader(YamlDocument document) {
        this.document = document;
    }

    /**
     * @param source the name used in error messages, normally the classpath resource path
     *               ({@code procedures/cni-renouvellement/v1.yaml})
     * @throws ProcedureDefinitionException if the file is unreadable or invalid
     */
    public static ProcedureDefinition read(String source, Reader reader) {
        YamlDocument document = FORMAT.read(source, reader, ProcedureDefinitionException::new);
        return new ProcedureReader(document).definition(document.bind(ProcedureFile.class));
    }

    private ProcedureDefinition definition(ProcedureFile file) {
        checkPath(file);
        List<StepDefinition> steps = new ArrayList<>();
        Map<String, Integer> stepIndex = new HashMap<>();
        String checkField = null;
        for (int i = 0; i < file.steps().size(); i++) {
            ProcedureFile.Step step = file.steps().get(i);
            String at = "/steps/" + i;
            Integer first = stepIndex.putIfAbsent(step.id(), i);
            if (first != null) {
                throw problem(at + "/id", "duplicate step id '" + step.id() + "' (first at /steps/" + first
                        + ", line " + document.line("/steps/" + first) + ")");
            }
            StepDefinition definition = step(step, at);
            for (int j = 0; j < definition.fields().size(); j++) {
                FieldDefinition field = definition.fields().get(j);
                if (field.checkField()) {
                    if (checkField != null) {
                        throw problem(at + "/fields/" + j, "a second check field '" + field.name() + "' in step '"
                                + step.id() + "' (a procedure has at most one, the first is '" + checkField + "')");
                    }
                    checkField = field.name();
                }
            }
            steps.add(definition);
        }
        checkReachable(file.steps());
        return new ProcedureDefinition(file.id(), file.version(), file.title(), steps, retention(file.retention()));
    }

    private ProcedureRetention retention(ProcedureFile.Retention written) {
        if (written == null) {
            return ProcedureRetention.DEFAULT;
        }
        return new ProcedureRetention(period(written.completed(), "/retention/completed", ProcedureRetention.DEFAULT.afterCompletion()),
                period(written.abandoned(), "/retention/abandoned", ProcedureRetention.DEFAULT.afterAbandonment()));
    }

    private Period period(String written, String at, Period absent) {
        if (written == null) {
            return absent;
        }
        try {
            Period period = Period.parse(written);
            if (period.isZero() || period.isNegative()) {
                throw problem(at, "a retention period is positive: " + written);
            }
            return period;
        } catch (DateTimeParseException e) {
            throw problem(at, "expected an ISO-8601 period such as P5Y or P6M: " + written);
        }
    }

    private void checkPath(ProcedureFile file) {
        Matcher matcher = PATH.matcher(document.source());
        if (!matcher.find()) {
            return;
        }
        if (!matcher.group(1).equals(file.id())) {
            throw problem("/id", "procedure id '" + file.id() + "' does not match its directory '" + matcher.group(1) + "'");
        }
        if (!matcher.group(2).equals(Integer.toString(file.version()))) {
            throw problem("/version", "version " + file.version() + " does not match its file name 'v"
                    + matcher.group(2) + "'");
        }
    }

    private StepDefinition step(ProcedureFile.Step step, String at) {
        String where = "in step '" + step.id() + "'";
        Set<Channel> channels = new LinkedHashSet<>();
        step.channels().forEach(wire -> channels.add(Channel.fromWire(wire)));
        boolean presence = Boolean.TRUE.equals(step.presence());
        if (presence && !channels.contains(Channel.DESK)) {
            throw problem(at + "/presence", "step '" + step.id() + "' requires presence but does not allow the desk channel");
        }
        Duration duration = duration(step.expectedDuration(), at + "/expectedDuration", where);
        List<FieldDefinition> fields = new ArrayList<>();
        Map<String, Integer> names = new HashMap<>();
        List<ProcedureFile.Field> written = step.fields() == null ? List.of() : step.fields();
        for (int j = 0; j < written.size(); j++) {
            ProcedureFile.Field field = written.get(j);
            String fieldAt = at + "/fields/" + j;
            if (names.putIfAbsent(field.name(), j) != null) {
                throw problem(fieldAt + "/name", "duplicate field '" + field.name() + "' " + where);
            }
            fields.add(field(field, fieldAt, where));
        }
        return new StepDefinition(step.id(), step.title(), channels, presence, Boolean.TRUE.equals(step.appointment()),
                duration, fields);
    }

    private FieldDefinition field(ProcedureFile.Field field, String at, String stepWhere) {
        String where = "for field '" + field.name() + "' " + stepWhere;
        FieldType type = FieldType.fromWire(field.type());
        if (field.pattern() != null) {
            try {
                Pattern.compile(field.pattern());
            } catch (PatternSyntaxException e) {
                throw problem(at + "/pattern", "bad pattern '" + field.pattern() + "' " + where
                        + " (a Java regular expression): " + e.getDescription());
            }
        }
        List<String> options = field.options() == null ? List.of() : field.options();
        if (!options.isEmpty() && type != FieldType.CHOICE) {
            throw problem(at + "/options", "options given for a " + type.wire() + " field " + where
                    + " (only choice fields have options)");
        }
        if (type == FieldType.CHOICE && options.isEmpty()) {
            throw problem(at, "choice field '" + field.name() + "' " + stepWhere + " has no options");
        }
        boolean checkField = Boolean.TRUE.equals(field.checkField());
        if (checkField && type != FieldType.DATE) {
            throw problem(at + "/checkField", "check field '" + field.name() + "' " + stepWhere
                    + " must be a date (its year is the check value)");
        }
        return new FieldDefinition(field.name(), field.label(), type, Boolean.TRUE.equals(field.required()),
                field.pattern(), options, checkField);
    }

    private Duration duration(String value, String at, String where) {
        try {
            Duration duration = Duration.parse(value);
            if (!duration.isNegative() && !duration.isZero()) {
                return duration;
            }
        } catch (DateTimeParseException e) {
            // the schema's pattern is close to Duration.parse; anything it let through is reported below
        }
        throw problem(at, "bad duration '" + value + "' " + where + " (ISO-8601 and positive, e.g. PT10M)");
    }

    private void checkReachable(List<ProcedureFile.Step> steps) {
        Set<String> ids = new HashSet<>();
        steps.forEach(step -> ids.add(step.id()));
        Map<String, List<String>> edges = new LinkedHashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            ProcedureFile.Step step = steps.get(i);
            List<String> targets = new ArrayList<>();
            if (step.next() != null) {
                boolean list = document.root().at("/steps/" + i + "/next").isArray();
                for (int k = 0; k < step.next().size(); k++) {
                    String target = step.next().get(k);
                    if (!ids.contains(target)) {
                        throw problem("/steps/" + i + "/next" + (list ? "/" + k : ""),
                                "unknown step '" + target + "' in 'next' of step '" + step.id() + "'");
                    }
                    targets.add(target);
                }
            } else if (i + 1 < steps.size()) {
                targets.add(steps.get(i + 1).id());
            }
            edges.put(step.id(), targets);
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
        for (int i = 0; i < steps.size(); i++) {
            if (!reached.contains(steps.get(i).id())) {
                throw problem("/steps/" + i, "unreachable step '" + steps.get(i).id()
                        + "' (not reachable from the first step '" + first + "')");
            }
        }
    }

    private ProcedureDefinitionException problem(String pointer, String problem) {
        return (ProcedureDefinitionException) document.problem(pointer, problem);
    }
}
