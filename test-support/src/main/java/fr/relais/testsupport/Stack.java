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

    public static String kafkaBootstrap() {
        return "127.0.0.1:" + env("RELAIS_KAFKA_PORT", "19092");
    }

    static String env(String name, String fallback) {
        String value = System.getProperty(name, System.getenv(name));
        return value == null || value.isBlank() ? fallback : value;
    }
}
