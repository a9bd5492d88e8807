package fr.relais.schema;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The JSON Schema (draft 2020-12) of one kind of YAML file, and the reader of such files: parse (duplicate keys
 * refused), validate against the schema, and hand back a {@link YamlDocument} to bind into records. Every schema
 * problem of the file is reported at once, in file order, each with its JSON pointer, its line and what the schema
 * expects. Thread-safe: build one per kind of file.
 */
public final class YamlSchema {

    /** Custom wording in a schema: {@code "message": {"pattern": "lowercase kebab-case, e.g. cni-renouvellement"}}. */
    public static final String MESSAGE_KEYWORD = "message";

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDialect(Dialects.getDraft202012(),
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                    .errorMessageKeyword(MESSAGE_KEYWORD)
                    .build()));

    private static final Set<String> KEYWORDS_ABOUT_A_KEY = Set.of("additionalProperties", "propertyNames");

    private final String name;
    private final Schema schema;
    private final YAMLFactory yaml;
    private final ObjectMapper mapper;

    private YamlSchema(String name, JsonNode schemaNode) {
        this.name = name;
        this.schema = REGISTRY.getSchema(schemaNode);
        this.yaml = YAMLFactory.builder().build();
        this.yaml.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        this.mapper = new YAMLMapper(yaml)
                // the schema already refused unknown keys; a record without a property the schema allows is a bug
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    /**
     * Loads a schema from the classpath, e.g. {@code procedures/procedure.schema.json}.
     *
     * @throws IllegalStateException if it is missing or not JSON: a packaging bug, not a data problem
     */
    public static YamlSchema fromClasspath(String resource) {
        ClassLoader loader = Objects.requireNonNullElse(Thread.currentThread().getContextClassLoader(),
                YamlSchema.class.getClassLoader());
        InputStream in = loader.getResourceAsStream(resource);
        if (in == null) {
            in = YamlSchema.class.getClassLoader().getResourceAsStream(resource);
        }
        if (in == null) {
            throw new IllegalStateException("JSON Schema " + resource + " not found on the classpath");
        }
        try (InputStream schema = in) {
            return new YamlSchema(resource, JsonMapper.builder().build().readTree(schema));
        } catch (IOException e) {
            throw new IllegalStateException("JSON Schema " + resource + " is not readable JSON", e);
        }
    }

    /**
     * Reads and validates one file.
     *
     * @param source   the name used in messages, normally the classpath resource path
     * @param problems makes the service's own exception
     * @throws DocumentException (made by {@code problems}) for a syntax error, an empty file or schema problems
     */
    public YamlDocument read(String source, Reader reader, DocumentException.Factory problems) {
        String text;
        try {
            text = readAll(reader);
        } catch (IOException e) {
            throw problems.create(source, null, 0, "unreadable: " + e.getMessage(), e);
        }
        JsonNode root;
        LineIndex lines;
        try {
            root = mapper.readTree(text);
            lines = LineIndex.of(yaml, text);
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            throw problems.create(source, null, location == null ? 0 : location.getLineNr(),
                    "not valid YAML: " + syntaxProblem(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw problems.create(source, null, 1, "empty file", null);
        }
        List<Error> errors = schema.validate(root);
        if (!errors.isEmpty()) {
            List<Located> located = errors.stream()
                    .map(error -> locate(error, lines))
                    .distinct()
                    .sorted(Comparator.comparingInt(Located::line).thenComparing(Located::pointer))
                    .toList();
            Located first = located.get(0);
            String problem = first.message() + located.stream().skip(1)
                    .map(other -> "; also " + DocumentException.where(other.pointer(), other.line()) + ": " + other.message())
                    .collect(Collectors.joining())
                    + " (format: " + name + ")";
            throw problems.create(source, first.pointer(), first.line(), problem, null);
        }
        return new YamlDocument(source, root, lines, mapper, problems);
    }

    /** One schema problem: an unknown or badly named key is placed on the key itself, not on the mapping holding it. */
    private static Located locate(Error error, LineIndex lines) {
        String pointer = error.getInstanceLocation().toString();
        if (pointer.startsWith("$")) {
            throw new IllegalStateException("expected JSON pointers, got " + pointer);
        }
        if (KEYWORDS_ABOUT_A_KEY.contains(error.getKeyword()) && error.getProperty() != null) {
            pointer = pointer + "/" + error.getProperty().replace("~", "~0").replace("/", "~1");
        }
        return new Located(pointer, lines.line(pointer), error.getMessage());
    }

    private record Located(String pointer, int line, String message) {
    }

    /**
     * The parser's own lines without its excerpt of the file and its "in 'reader', line…" marks, which repeat
     * (less clearly) the line this message already names: "while parsing a flow sequence: expected ',' or ']'…".
     */
    private static String syntaxProblem(String message) {
        if (message == null) {
            return "unreadable";
        }
        return message.lines()
                .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                .map(String::strip)
                .collect(Collectors.joining(": "));
    }

    private static String readAll(Reader reader) throws IOException {
        StringWriter text = new StringWriter();
        reader.transferTo(text);
        return text.toString();
    }

    /** For messages and tests: which schema this is. */
    @Override
    public String toString() {
        return name;
    }
}
