package fr.relais.schema;

/**
 * A file the service ships (a procedure, the friction policy) cannot be loaded. The message names the file,
 * where in it (a JSON pointer and its line, when known) and what is expected, e.g.
 * {@code procedures/cni-renouvellement/v1.yaml: at /steps/0/channels/1 (line 7): unknown channel 'fax'}.
 * Services subclass it so their start-up failures keep their own type.
 */
public class DocumentException extends RuntimeException {

    /** Creates a service's own subclass for a problem found by {@link YamlSchema} or {@link YamlDocument}. */
    @FunctionalInterface
    public interface Factory {
        DocumentException create(String source, String pointer, int line, String problem, Throwable cause);
    }

    private final String source;
    private final String pointer;
    private final int line;

    /**
     * @param pointer the JSON pointer of the offending node ({@code ""} for the whole document), null when the
     *                problem has no place in a tree (a YAML syntax error, a line of a plain text file)
     * @param line    1-based, 0 when unknown
     */
    public DocumentException(String source, String pointer, int line, String problem, Throwable cause) {
        super(format(source, pointer, line, problem), cause);
        this.source = source;
        this.pointer = pointer;
        this.line = line;
    }

    static String format(String source, String pointer, int line, String problem) {
        if (pointer == null) {
            return source + (line > 0 ? " line " + line : "") + ": " + problem;
        }
        return source + ": " + where(pointer, line) + ": " + problem;
    }

    /** {@code at /steps/0 (line 5)}; the whole document is {@code at /}. */
    static String where(String pointer, int line) {
        return "at " + (pointer.isEmpty() ? "/" : pointer) + (line > 0 ? " (line " + line + ")" : "");
    }

    /** The name of the file, normally its classpath resource path. */
    public String source() {
        return source;
    }

    /** The JSON pointer of the offending node, or null when the problem is not in a node. */
    public String pointer() {
        return pointer;
    }

    /** 1-based line, 0 when unknown. */
    public int line() {
        return line;
    }
}
