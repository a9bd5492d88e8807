package fr.relais.mediation.domain;

/** An action that the case's current state forbids (claimed by someone else, already resolved…). */
public class CaseConflict extends RuntimeException {

    private final String code;

    public CaseConflict(String code, String detail) {
        super(detail);
        this.code = code;
    }

    /** A kebab-case code, e.g. {@code already-claimed}. */
    public String code() {
        return code;
    }
}
