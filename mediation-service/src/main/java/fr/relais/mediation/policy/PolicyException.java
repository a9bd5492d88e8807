package fr.relais.mediation.policy;

/**
 * The friction policy file cannot be loaded. The message names the file and, where known, the line, e.g.
 * {@code friction-policy/v1.yaml line 7: unknown signal 'typo-error'}. Thrown at start-up: the service does
 * not start with a broken policy.
 */
public class PolicyException extends RuntimeException {

    private final String source;
    private final int line;

    /** @param line 1-based, 0 when unknown */
    public PolicyException(String source, int line, String problem) {
        super(source + (line > 0 ? " line " + line : "") + ": " + problem);
        this.source = source;
        this.line = line;
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }
}
