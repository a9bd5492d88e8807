package fr.relais.testsupport;

/**
 * Endpoints of the local stack that ./relais starts. Tests read them from the same environment
 * variables as the devstack, so a port moved there is moved here too.
 */
public final class Stack {

    private Stack() {
    }

    public static String keycloakUrl() {
        return "http://127.0.0.1:" + env("RELAIS_KEYCLOAK_PORT", "18080");
    }

    public static String realmUrl() {
        return keycloakUrl() + "/realms/relais";
    }

    /** Every broker in scale mode (RELAIS_KAFKA_BOOTSTRAP), else the single devstack broker. */
    public static String kafkaBootstrap() {
        return env("RELAIS_KAFKA_BOOTSTRAP", "127.0.0.1:" + env("RELAIS_KAFKA_PORT", "19092"));
    }

    /**
     * Settings of a Kafka client of the test tooling: the devstack's bootstrap and its super user, which may create
     * topics and send or read any record (the services themselves have only their own rights), plus {@code extra}.
     */
    public static java.util.Map<String, Object> kafkaClient(java.util.Map<String, Object> extra) {
        java.util.Map<String, Object> settings = new java.util.HashMap<>(KafkaCredentials.client(KafkaCredentials.ADMIN));
        settings.put("bootstrap.servers", kafkaBootstrap());
        settings.putAll(extra);
        return settings;
    }

    /** GreenMail's SMTP port, where the services send their mails. */
    public static String postgresPort() {
        return env("RELAIS_PG_PORT", "15432");
    }

    public static int smtpPort() {
        return Integer.parseInt(env("RELAIS_SMTP_PORT", "12525"));
    }

    /** GreenMail's REST API, which shows every mailbox's messages. */
    public static String mailApiUrl() {
        return "http://127.0.0.1:" + env("RELAIS_MAIL_API_PORT", "12080");
    }

    /** The SMS sink's SMPP port, where the services submit their SMS. */
    public static int smppPort() {
        return Integer.parseInt(env("RELAIS_SMPP_PORT", "12775"));
    }

    /** The SMPP bind password of system_id relais on the devstack's SMS sink. */
    public static String smppPassword() {
        return env("RELAIS_SMPP_PASSWORD", "relaisdv");
    }

    /** The SMS sink's read API (GET /messages). */
    public static String smsSinkUrl() {
        return "http://127.0.0.1:" + env("RELAIS_SMS_SINK_HTTP_PORT", "12776");
    }

    static String env(String name, String fallback) {
        String value = System.getProperty(name, System.getenv(name));
        return value == null || value.isBlank() ? fallback : value;
    }
}
