package fr.relais.journey.procedure;

/**
 * A procedure definition cannot be loaded. The message names the file and, where known, the line, e.g.
 * {@code procedures/cni-renouvellement/v1.yaml line 12: unknown channel 'fax' in step 'identite'}.
 * Thrown at start-up: the service does not start with a broken definition.
 */
public class ProcedureDefinitionException extends RuntimeException {

    private final String source;
    private final int line;

    /** @param line 1-based, 0 when unknown */
    public ProcedureDefinitionException(String source, int line, String problem) {
        super(source + (line > 0 ? " line " + line : "") + ": " + problem);
        this.source = source;
        this.line = line;
    }

    public ProcedureDefinitionException(String source, int line, String problem, Throwable cause) {
        this(source, line, problem);
        initCause(cause);
    }

    /** The resource path of the file, e.g. {@code procedures/cni-renouvellement/v1.yaml}. */
    public String source() {
        return source;
    }

    /** 1-based line, 0 when unknown. */
    public int line() {
        return line;
    }
}
