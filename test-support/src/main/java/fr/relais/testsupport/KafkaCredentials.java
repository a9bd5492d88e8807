package fr.relais.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The local stack's Kafka passwords, made by the devstack on its first start (.relais/run/kafka-credentials.env,
 * git-ignored): the super user's for test tooling (creating topics, sending and reading any record) and each
 * service's. The environment wins over the file, as it does for the services.
 */
public final class KafkaCredentials {

    public static final String ADMIN = "admin";
    public static final Map<String, String> PASSWORD_VARIABLES = Map.of(
            ADMIN, "RELAIS_KAFKA_ADMIN_PASSWORD",
            "channel-gateway", "RELAIS_GATEWAY_KAFKA_PASSWORD",
            "journey-service", "RELAIS_JOURNEY_KAFKA_PASSWORD",
            "appointment-service", "RELAIS_APPOINTMENT_KAFKA_PASSWORD",
            "mediation-service", "RELAIS_MEDIATION_KAFKA_PASSWORD",
            "notification-service", "RELAIS_NOTIFICATION_KAFKA_PASSWORD");

    private static volatile Map<String, String> file;

    private KafkaCredentials() {
    }

    /** A variable of the credentials file (e.g. {@code RELAIS_JOURNEY_KAFKA_PASSWORD}), the environment first. */
    public static Optional<String> variable(String name) {
        String value = System.getProperty(name, System.getenv(name));
        if (value != null && !value.isBlank()) {
            return Optional.of(value);
        }
        return Optional.ofNullable(file().get(name));
    }

    /** Every variable of the credentials file, for a process started by a test (the environment wins). */
    public static Map<String, String> all() {
        Map<String, String> values = new HashMap<>();
        PASSWORD_VARIABLES.values().forEach(name -> variable(name).ifPresent(value -> values.put(name, value)));
        return values;
    }

    /** SASL client settings for {@code principal} (a service name, or {@link #ADMIN}). */
    public static Map<String, Object> client(String principal) {
        String password = variable(PASSWORD_VARIABLES.getOrDefault(principal, "?")).orElseThrow(() -> new IllegalStateException(
                "no Kafka password for " + principal + ": start the stack (./relais infra) or export "
                        + PASSWORD_VARIABLES.get(principal)));
        return client(principal, password);
    }

    /** SASL client settings for any name and password, e.g. a wrong one. */
    public static Map<String, Object> client(String principal, String password) {
        return Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                        + principal + "\" password=\"" + password + "\";");
    }

    private static Map<String, String> file() {
        Map<String, String> loaded = file;
        if (loaded == null) {
            loaded = read();
            file = loaded;
        }
        return loaded;
    }

    private static Map<String, String> read() {
        Map<String, String> values = new HashMap<>();
        Optional<Path> path = location();
        if (path.isEmpty()) {
            return values;
        }
        try {
            for (String line : Files.readAllLines(path.get())) {
                int eq = line.indexOf('=');
                if (eq > 0 && !line.startsWith("#")) {
                    values.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path.get(), e);
        }
        return values;
    }

    /** RELAIS_STATE's run directory, else the nearest .relais/run above the working directory (a module's or the root). */
    private static Optional<Path> location() {
        String state = System.getenv("RELAIS_STATE");
        if (state != null && !state.isBlank()) {
            return Optional.of(Path.of(state, "run", "kafka-credentials.env")).filter(Files::isRegularFile);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(".relais/run/kafka-credentials.env");
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
