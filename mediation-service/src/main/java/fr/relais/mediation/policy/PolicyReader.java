package fr.relais.mediation.policy;

import fr.relais.mediation.domain.FrictionPolicy;
import fr.relais.mediation.domain.Priority;
import fr.relais.mediation.domain.PriorityRule;
import fr.relais.mediation.domain.SignalKind;
import fr.relais.mediation.domain.SignalRule;
import fr.relais.mediation.domain.Sla;
import fr.relais.schema.YamlDocument;
import fr.relais.schema.YamlSchema;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the friction policy file (YAML). Its format is {@code friction-policy/friction-policy.schema.json}: keys,
 * types, required values, signal names, weights, counts, ratios, codes and the shape of durations are checked there.
 * This class checks what a schema cannot say: the version agrees with the file name ({@code v<version>.yaml}),
 * windows, half-lives and SLA times are positive, an SLA's resolution is not sooner than its first contact, a
 * priority rule can match, and a procedure's signal rule has a weight, window and half-life of its own or from the
 * policy's rule of that signal. Every problem is a {@link PolicyException} naming the file, the JSON pointer, the
 * line and what is expected.
 */
public final class PolicyReader {

    static final String SCHEMA = "friction-policy/friction-policy.schema.json";
    private static final YamlSchema FORMAT = YamlSchema.fromClasspath(SCHEMA);
    private static final Pattern FILE_VERSION = Pattern.compile("(?:^|/)v([0-9]+)\\.ya?ml$");
    private static final double DEFAULT_AT_RISK_RATIO = 0.8;
    private static final int DEFAULT_MAX_COUNT = 3;

    private final YamlDocument document;

    private PolicyReader(YamlDocument document) {
        this.document = document;
    }

    /** Loads a policy from the classpath, e.g. {@code friction-policy/v1.yaml}. */
    public static FrictionPolicy fromClasspath(String resource) {
        InputStream in = PolicyReader.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new PolicyException(resource, 0, "no such file on the classpath");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return read(resource, reader);
        } catch (IOException e) {
            throw new PolicyException(resource, 0, "unreadable: " + e.getMessage());
        }
    }

    /** @param source the name used in error messages */
    public static FrictionPolicy read(String source, Reader reader) {
        YamlDocument document = FORMAT.read(source, reader, PolicyException::new);
        return new PolicyReader(document).policy(document.bind(PolicyFile.class));
    }

    private FrictionPolicy policy(PolicyFile file) {
        Matcher matcher = FILE_VERSION.matcher(document.source());
        if (matcher.find() && !matcher.group(1).equals(Integer.toString(file.version()))) {
            throw problem("/version", "version " + file.version() + " does not match its file name 'v"
                    + matcher.group(1) + ".yaml'");
        }
        Map<SignalKind, SignalRule> signals = new EnumMap<>(SignalKind.class);
        file.signals().forEach((name, rule) ->
                signals.put(kind(name), rule(rule, null, "/signals/" + name, "signal '" + name + "'")));

        PolicyFile.Priorities priorities = file.priorities();
        PriorityRule urgent = priorities == null ? null : priorityRule(priorities.urgent(), "urgent");
        PriorityRule high = priorities == null ? null : priorityRule(priorities.high(), "high");

        Map<Priority, Sla> slas = new EnumMap<>(Priority.class);
        file.sla().forEach((name, sla) -> slas.put(Priority.fromWire(name).orElseThrow(), sla(sla, name)));

        Map<String, String> sitePools = file.routing().sites() == null ? Map.of() : file.routing().sites();
        Map<String, FrictionPolicy.ProcedureOverride> procedures = new LinkedHashMap<>();
        if (file.procedures() != null) {
            file.procedures().forEach((procedure, override) ->
                    procedures.put(procedure, override(procedure, override, signals)));
        }
        return new FrictionPolicy(file.version(), file.threshold(), signals, procedures, urgent, high, slas,
                file.atRiskRatio() == null ? DEFAULT_AT_RISK_RATIO : file.atRiskRatio(),
                new FrictionPolicy.Routing(file.routing().defaultPool(), sitePools));
    }

    private FrictionPolicy.ProcedureOverride override(String procedure, PolicyFile.Override override,
                                                      Map<SignalKind, SignalRule> defaults) {
        Map<SignalKind, SignalRule> rules = new EnumMap<>(SignalKind.class);
        if (override.signals() != null) {
            override.signals().forEach((name, rule) -> {
                SignalKind kind = kind(name);
                rules.put(kind, rule(rule, defaults.get(kind), "/procedures/" + procedure + "/signals/" + name,
                        "signal '" + name + "' of procedure '" + procedure + "'"));
            });
        }
        return new FrictionPolicy.ProcedureOverride(override.threshold(), rules);
    }

    /** A signal rule; in a procedure's override, values not given come from {@code base}, the policy's rule. */
    private SignalRule rule(PolicyFile.Rule rule, SignalRule base, String at, String where) {
        Double weight = rule.weight() != null ? rule.weight() : base != null ? Double.valueOf(base.weight()) : null;
        Duration window = rule.window() != null ? duration(rule.window(), at + "/window", "window")
                : base != null ? base.window() : null;
        Duration halfLife = rule.halfLife() != null ? duration(rule.halfLife(), at + "/halfLife", "halfLife")
                : base != null ? base.halfLife() : null;
        for (var missing : List.of(Map.entry("weight", weight == null), Map.entry("window", window == null),
                Map.entry("halfLife", halfLife == null))) {
            if (missing.getValue()) {
                throw problem(at, "no '" + missing.getKey() + "' in " + where
                        + " (the policy's signals have no rule for it to take it from)");
            }
        }
        int minOccurrences = rule.minOccurrences() != null ? rule.minOccurrences() : base != null ? base.minOccurrences() : 1;
        int maxCount = rule.maxCount() != null ? rule.maxCount() : base != null ? base.maxCount() : DEFAULT_MAX_COUNT;
        return new SignalRule(weight, window, halfLife, minOccurrences, maxCount);
    }

    private PriorityRule priorityRule(PolicyFile.PriorityEntry entry, String name) {
        if (entry == null) {
            return null;
        }
        Set<SignalKind> all = kinds(entry.whenAll());
        Set<SignalKind> any = kinds(entry.whenAny());
        if (entry.minScore() == null && all.isEmpty() && any.isEmpty()) {
            throw problem("/priorities/" + name, "priority '" + name + "' can never match: give minScore, whenAll or whenAny");
        }
        return new PriorityRule(entry.minScore(), all, any);
    }

    private Sla sla(PolicyFile.SlaEntry sla, String name) {
        String at = "/sla/" + name;
        Duration first = duration(sla.firstContact(), at + "/firstContact", "firstContact");
        Duration resolution = duration(sla.resolution(), at + "/resolution", "resolution");
        if (resolution.compareTo(first) < 0) {
            throw problem(at + "/resolution", "resolution (" + resolution + ") is sooner than firstContact (" + first
                    + ") in sla '" + name + "'");
        }
        return new Sla(first, resolution);
    }

    private static Set<SignalKind> kinds(List<String> names) {
        Set<SignalKind> kinds = EnumSet.noneOf(SignalKind.class);
        if (names != null) {
            names.forEach(name -> kinds.add(kind(name)));
        }
        return kinds;
    }

    /** The schema lists the signal names; a test keeps that list equal to {@link SignalKind}'s. */
    private static SignalKind kind(String name) {
        return SignalKind.fromWire(name).orElseThrow(() -> new IllegalStateException("signal '" + name
                + "' passed the schema but is no SignalKind: the schema and the enum disagree"));
    }

    private Duration duration(String value, String at, String what) {
        Duration duration;
        try {
            duration = Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw problem(at, what + " must be an ISO-8601 duration such as PT2H or P3D, not '" + value + "'");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw problem(at, what + " must be positive, not '" + value + "'");
        }
        return duration;
    }

    private PolicyException problem(String pointer, String problem) {
        return (PolicyException) document.problem(pointer, problem);
    }
}
