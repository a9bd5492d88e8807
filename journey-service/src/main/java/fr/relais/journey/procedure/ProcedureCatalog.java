package fr.relais.journey.procedure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every version of every procedure the service knows. Immutable and thread-safe.
 *
 * <p>On the classpath, {@code procedures/index.txt} lists the files to load, one path per line relative
 * to {@code procedures/} (e.g. {@code cni-renouvellement/v1.yaml}); blank lines and {@code #} comments
 * are skipped. Each file is read and validated by {@link ProcedureReader}.
 */
public final class ProcedureCatalog {

    public static final String DEFAULT_ROOT = "procedures";

    private final Map<String, NavigableMap<Integer, ProcedureDefinition>> byId;

    private ProcedureCatalog(Map<String, NavigableMap<Integer, ProcedureDefinition>> byId) {
        this.byId = byId;
    }

    /**
     * Loads {@code procedures/index.txt} and every file it lists.
     *
     * @throws ProcedureDefinitionException naming the file and line of the first problem
     */
    public static ProcedureCatalog loadFromClasspath() {
        return loadFromClasspath(DEFAULT_ROOT);
    }

    /** Loads {@code <root>/index.txt} and the files it lists (relative to {@code root}). */
    public static ProcedureCatalog loadFromClasspath(String root) {
        String indexPath = root + "/index.txt";
        List<String> files = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        try (InputStream in = open(indexPath)) {
            if (in == null) {
                throw new ProcedureDefinitionException(indexPath, 0, "not found on the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String file = line.strip();
                if (!file.isEmpty() && !file.startsWith("#")) {
                    files.add(file);
                    lines.add(number);
                }
            }
        } catch (IOException e) {
            throw new ProcedureDefinitionException(indexPath, 0, "unreadable: " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new ProcedureDefinitionException(indexPath, 0, "lists no procedure file");
        }
        Map<String, String> sources = new LinkedHashMap<>();
        Map<String, NavigableMap<Integer, ProcedureDefinition>> byId = new LinkedHashMap<>();
        for (int i = 0; i < files.size(); i++) {
            String path = root + "/" + files.get(i);
            ProcedureDefinition definition;
            try (InputStream in = open(path)) {
                if (in == null) {
                    throw new ProcedureDefinitionException(indexPath, lines.get(i),
                            "listed file '" + files.get(i) + "' not found on the classpath");
                }
                try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                    definition = ProcedureReader.read(path, reader);
                }
            } catch (IOException e) {
                throw new ProcedureDefinitionException(path, 0, "unreadable: " + e.getMessage(), e);
            }
            String key = definition.id() + " v" + definition.version();
            String previous = sources.putIfAbsent(key, path);
            if (previous != null) {
                throw new ProcedureDefinitionException(path, 0,
                        "duplicate procedure " + key + " (also in " + previous + ")");
            }
            byId.computeIfAbsent(definition.id(), id -> new TreeMap<>()).put(definition.version(), definition);
        }
        return new ProcedureCatalog(freeze(byId));
    }

    /** A catalog of the given definitions (tests, or definitions read elsewhere). */
    public static ProcedureCatalog of(List<ProcedureDefinition> definitions) {
        Map<String, NavigableMap<Integer, ProcedureDefinition>> byId = new LinkedHashMap<>();
        for (ProcedureDefinition definition : definitions) {
            NavigableMap<Integer, ProcedureDefinition> versions =
                    byId.computeIfAbsent(definition.id(), id -> new TreeMap<>());
            if (versions.put(definition.version(), definition) != null) {
                throw new IllegalArgumentException(
                        "duplicate procedure " + definition.id() + " v" + definition.version());
            }
        }
        return new ProcedureCatalog(freeze(byId));
    }

    /** The highest version of the procedure: what a new journey pins. */
    public Optional<ProcedureDefinition> current(String procedureId) {
        NavigableMap<Integer, ProcedureDefinition> versions = byId.get(procedureId);
        return versions == null ? Optional.empty() : Optional.of(versions.lastEntry().getValue());
    }

    /** A pinned version, for running journeys. */
    public Optional<ProcedureDefinition> version(String procedureId, int version) {
        NavigableMap<Integer, ProcedureDefinition> versions = byId.get(procedureId);
        return versions == null ? Optional.empty() : Optional.ofNullable(versions.get(version));
    }

    /** The current version of every procedure, in load order. */
    public List<ProcedureDefinition> currentAll() {
        return byId.values().stream().map(versions -> versions.lastEntry().getValue()).toList();
    }

    /** Every version of every procedure. */
    public List<ProcedureDefinition> all() {
        return byId.values().stream().flatMap(versions -> versions.values().stream()).toList();
    }

    private static Map<String, NavigableMap<Integer, ProcedureDefinition>> freeze(
            Map<String, NavigableMap<Integer, ProcedureDefinition>> byId) {
        Map<String, NavigableMap<Integer, ProcedureDefinition>> frozen = new LinkedHashMap<>();
        byId.forEach((id, versions) -> frozen.put(id, Collections.unmodifiableNavigableMap(new TreeMap<>(versions))));
        return Collections.unmodifiableMap(frozen);
    }

    private static InputStream open(String path) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        InputStream in = loader == null ? null : loader.getResourceAsStream(path);
        if (in == null) {
            in = ProcedureCatalog.class.getClassLoader().getResourceAsStream(path);
        }
        return in;
    }
}
