package fr.relais.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/**
 * A YAML file that its JSON Schema accepted: its tree, the records it binds to, and problems the schema cannot
 * express (a reference to an unknown step, a duplicate id) placed at a JSON pointer and its line.
 */
public final class YamlDocument {

    private final String source;
    private final JsonNode root;
    private final LineIndex lines;
    private final ObjectMapper mapper;
    private final DocumentException.Factory problems;

    YamlDocument(String source, JsonNode root, LineIndex lines, ObjectMapper mapper, DocumentException.Factory problems) {
        this.source = source;
        this.root = root;
        this.lines = lines;
        this.mapper = mapper;
        this.problems = problems;
    }

    public String source() {
        return source;
    }

    public JsonNode root() {
        return root;
    }

    /**
     * The file as the records that mirror its format.
     *
     * @throws IllegalStateException if the records and the schema disagree: a bug, since the schema accepted the file
     */
    public <T> T bind(Class<T> type) {
        try {
            return mapper.treeToValue(root, type);
        } catch (IOException e) {
            throw new IllegalStateException(source + " passed its schema but does not bind to " + type.getSimpleName()
                    + ": " + e.getMessage(), e);
        }
    }

    /** The 1-based line of the node at {@code pointer} (or of its closest ancestor), 0 when unknown. */
    public int line(String pointer) {
        return lines.line(pointer);
    }

    /** A problem at the node {@code pointer} (e.g. {@code /steps/2/id}), made by the service's factory. */
    public DocumentException problem(String pointer, String problem) {
        return problems.create(source, pointer, lines.line(pointer), problem, null);
    }
}
