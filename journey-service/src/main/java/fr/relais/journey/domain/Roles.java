package fr.relais.journey.domain;

/** Keycloak realm roles (ARCHITECTURE.md, "Security"). */
public final class Roles {

    public static final String CITIZEN = "citizen";
    public static final String PHONE_AGENT = "phone-agent";
    public static final String COUNTER_AGENT = "counter-agent";
    public static final String MEDIATOR = "mediator";
    public static final String OPS = "ops";
    public static final String ADMIN = "admin";
    /** A service account's role (mediation-service's): reads the skill codes a journey's citizen needs, nothing else. */
    public static final String ROUTING_READER = "routing-reader";
    /** A service account's role (notification-service's): reads how to reach a journey's citizen, at send time only. */
    public static final String NOTIFIER = "notifier";

    private Roles() {
    }
}
