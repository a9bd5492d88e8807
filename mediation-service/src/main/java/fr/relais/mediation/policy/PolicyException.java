package fr.relais.mediation.policy;

import fr.relais.schema.DocumentException;

/**
 * The friction policy file cannot be loaded. The message names the file, where in it and what is expected, e.g.
 * {@code friction-policy/v1.yaml: at /signals/validation-error/halfLife (line 14): halfLife must be positive, not 'PT0S'}.
 * Thrown at start-up: the service does not start with a broken policy.
 */
public class PolicyException extends DocumentException {

    /** A problem in the YAML file, at a JSON pointer (null when it has none, e.g. a syntax error). */
    public PolicyException(String source, String pointer, int line, String problem, Throwable cause) {
        super(source, pointer, line, problem, cause);
    }

    /** A problem in no particular place of the file (missing, unreadable). */
    public PolicyException(String source, int line, String problem) {
        this(source, null, line, problem, null);
    }
}
