package fr.relais.journey.procedure;

import fr.relais.schema.DocumentException;

/**
 * A procedure definition cannot be loaded. The message names the file, where in it and what is expected, e.g.
 * {@code procedures/cni-renouvellement/v1.yaml: at /steps/0/channels/1 (line 7): does not have a value in the
 * enumeration ["portal", "phone", "desk"]}, or for {@code index.txt} its line. Thrown at start-up: the service
 * does not start with a broken definition.
 */
public class ProcedureDefinitionException extends DocumentException {

    /** A problem in a YAML procedure file, at a JSON pointer (null when it has none, e.g. a syntax error). */
    public ProcedureDefinitionException(String source, String pointer, int line, String problem, Throwable cause) {
        super(source, pointer, line, problem, cause);
    }

    /** A problem at a line of a plain text file ({@code index.txt}), or in no particular place: line 0. */
    public ProcedureDefinitionException(String source, int line, String problem) {
        this(source, null, line, problem, null);
    }

    public ProcedureDefinitionException(String source, int line, String problem, Throwable cause) {
        this(source, null, line, problem, cause);
    }
}
