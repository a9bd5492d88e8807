package fr.relais.schema;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The line of every node of a YAML text, by JSON pointer: a tree forgets where its nodes were, and a person
 * fixing a file wants the line. A key's line stands for its value (that is where an editor shows both).
 */
final class LineIndex {

    private final Map<String, Integer> lines;

    private LineIndex(Map<String, Integer> lines) {
        this.lines = lines;
    }

    /** Call only on text that already parsed as a tree: a syntax error here is a bug. */
    static LineIndex of(YAMLFactory factory, String text) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = factory.createParser(text)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                // a container's own context is already open on its start token: its pointer is the parent's
                String pointer = (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY)
                        ? parent(parser) : parser.getParsingContext().pathAsPointer().toString();
                lines.putIfAbsent(pointer, parser.currentTokenLocation().getLineNr());
            }
        }
        return new LineIndex(lines);
    }

    private static String parent(JsonParser parser) {
        var parent = parser.getParsingContext().getParent();
        return parent == null ? "" : parent.pathAsPointer().toString();
    }

    /** The line of the node, or of its closest ancestor that has one; 0 when none is known. */
    int line(String pointer) {
        String current = pointer;
        while (true) {
            Integer line = lines.get(current);
            if (line != null) {
                return line;
            }
            if (current.isEmpty()) {
                return 0;
            }
            current = current.substring(0, Math.max(0, current.lastIndexOf('/')));
        }
    }
}
