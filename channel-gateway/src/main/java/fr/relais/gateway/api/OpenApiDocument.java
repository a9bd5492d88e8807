package fr.relais.gateway.api;

/** The names the public OpenAPI document gives its tags and shared responses (defined in this package's package-info). */
public final class OpenApiDocument {

    public static final String PORTAL = "portal";
    public static final String PHONE = "phone";
    public static final String DESK = "desk";
    public static final String APPOINTMENTS = "appointments";
    public static final String MEDIATION = "mediation";
    public static final String COMMON = "common";

    public static final String BAD_REQUEST = "BadRequest";
    public static final String UNAUTHORIZED = "Unauthorized";
    public static final String FORBIDDEN = "Forbidden";
    public static final String NOT_FOUND = "NotFound";
    public static final String CONFLICT = "Conflict";
    public static final String UNPROCESSABLE = "Unprocessable";
    public static final String TOO_MANY_REQUESTS = "TooManyRequests";
    public static final String COMMAND_ACCEPTED = "CommandAccepted";
    public static final String COMMAND_PENDING = "CommandPending";

    private OpenApiDocument() {
    }
}
