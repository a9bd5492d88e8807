package fr.relais.gateway.api;

/**
 * The names the public OpenAPI document gives its tags and a command's shared answers (defined in this package's
 * package-info). Refusals need no name here: problem-support's filter documents them by rule.
 */
public final class OpenApiDocument {

    public static final String PORTAL = "portal";
    public static final String PHONE = "phone";
    public static final String DESK = "desk";
    public static final String APPOINTMENTS = "appointments";
    public static final String MEDIATION = "mediation";
    public static final String COMMON = "common";

    public static final String COMMAND_ACCEPTED = "CommandAccepted";
    public static final String COMMAND_PENDING = "CommandPending";

    private OpenApiDocument() {
    }
}
