package fr.relais.system.harness;

import fr.relais.testsupport.DemoUser;
import fr.relais.testsupport.KafkaCredentials;
import fr.relais.testsupport.KafkaTopics;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The five built services, started once for the whole system suite as separate processes against the
 * real local stack (./relais infra), on the ports ./relais up uses, so the devstack's Prometheus scrapes
 * them. They use their own databases (*_system) and topics (prefix {@value #TOPIC_PREFIX}) so a run never
 * mixes with the data of a developer's stack. Stopped when the suite ends.
 */
public final class RelaisSystem implements BeforeAllCallback {

    public static final String TOPIC_PREFIX = "st.";
    /** The phone agent's time box is short here so the scenario can watch it end. */
    public static final Duration CALLER_VERIFICATION = Duration.ofSeconds(20);
    /** k of the experience aggregates here (10 by default): see ExperienceTest. */
    public static final int EXPERIENCE_MIN_CELL_SIZE = 5;
    static final String ANSWERS_KEY = "ZGV2LW9ubHkta2V5LW5vdC1hLXNlY3JldC0zMmJ5dGU=";
    /** The Ed25519 seed that signs the access log's digests in this suite; AccessLogTest verifies with its public key. */
    public static final String ACCESS_LOG_SIGNING_KEY = "c3lzdGVtLXRlc3RzLW9ubHktYWNjZXNzLWxvZy1rZXk=";
    /** journey-service's master keys (id:base64) that wrap each person's data key in this suite. */
    public static final String DATA_MASTER_KEYS = "m1:IYtvPBFH5Nj1OPgZ7Lqo93CK+Nqr+t+E33KLjuGgXDM=";
    /** The id of the master key in {@link #DATA_MASTER_KEYS} that wraps new data keys. */
    public static final String DATA_ACTIVE_MASTER_KEY = "m1";
    /** The HMAC key of journey-service's blind index (a person by exact name + birth date) in this suite. */
    public static final String DATA_INDEX_KEY = "Ht4SUZRSvC76p3H5/PsEQp9yoBwzy6r75isu5CQ99VQ=";
    /** The gateway's web-session, PKCE-state and CSRF key for this suite (./relais up generates a real one). */
    static final String WEB_SECRET = "system-tests-only-web-secret-0123456789abcdef";

    private static volatile Services services;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Services.class, key -> startAll(), Services.class);
    }

    /** The running services; only valid inside a test class extended with this extension. */
    public static Services services() {
        if (services == null) {
            throw new IllegalStateException("annotate the test class with @ExtendWith(RelaisSystem.class)");
        }
        return services;
    }

    /** Where the service logs of this run are, for failure messages (nothing outside the system suite). */
    public static String logHint() {
        return services == null ? "" : "\nservice logs: " + services.logs();
    }

    private static Services startAll() {
        Path home = Path.of(System.getProperty("relais.home", "..")).toAbsolutePath().normalize();
        Path logs = home.resolve("system-tests/target/service-logs");
        Map<String, String> common = Map.of(
                "RELAIS_TOPICS_PREFIX", TOPIC_PREFIX,
                "RELAIS_GATEWAY_TOPIC_PREFIX", TOPIC_PREFIX,
                "RELAIS_ANSWERS_KEY", ANSWERS_KEY,
                "RELAIS_WEB_SECRET", WEB_SECRET,
                // the pages are served over plain http on 127.0.0.1 here; production keeps Secure cookies
                "RELAIS_WEB_SECURE_COOKIES", "false",
                "RELAIS_LOG_JSON", "false",
                "RELAIS_GATEWAY_CALLER_VERIFICATION", CALLER_VERIFICATION.toString(),
                // a message that met a stopped SMTP server is tried again within seconds here, not half a minute
                "RELAIS_NOTIFICATIONS_FIRST_RETRY", "PT2S",
                // no quiet hours: the suite runs at any hour and waits for no morning (notification-service's component
                // test proves the 20:00-08:00 rule with its own clock)
                "RELAIS_SMS_QUIET_START", "00:00", "RELAIS_SMS_QUIET_END", "00:00");
        Map<String, ServiceProcess> byName = new LinkedHashMap<>();
        for (Definition d : DEFINITIONS) {
            Map<String, String> env = new LinkedHashMap<>(common);
            // each service's own Kafka principal, as ./relais up gives it (from the devstack's credentials)
            env.putAll(KafkaCredentials.all());
            // ExperienceTest's twenty journeys on three paths fill two cells and leave one under k
            env.put("RELAIS_EXPERIENCE_MIN_CELL_SIZE", String.valueOf(EXPERIENCE_MIN_CELL_SIZE));
            if (d.name().equals("journey-service")) {
                env.put("RELAIS_ACCESS_LOG_SIGNING_KEY", ACCESS_LOG_SIGNING_KEY);
                env.put("RELAIS_DATA_MASTER_KEYS", DATA_MASTER_KEYS);
                env.put("RELAIS_DATA_ACTIVE_MASTER_KEY", DATA_ACTIVE_MASTER_KEY);
                env.put("RELAIS_DATA_INDEX_KEY", DATA_INDEX_KEY);
            }
            if (d.database() != null) {
                env.put("RELAIS_DB_NAME", d.database() + "_system");
            }
            int port = Integer.parseInt(env(d.portVariable(), d.defaultPort()));
            if (portTaken(port)) {
                throw new IllegalStateException("port " + port + " (" + d.name() + ") is taken: the system tests run the services on"
                        + " the devstack's ports so its Prometheus scrapes them; stop the running services first"
                        + " (./relais test does), or move every port with the RELAIS_*_PORT variables");
            }
            int managementPort = Integer.parseInt(env(d.managementPortVariable(), d.defaultManagementPort()));
            byName.put(d.name(), new ServiceProcess(d.name(), port, managementPort,
                    home.resolve(d.name()).resolve("target/quarkus-app/quarkus-run.jar"), logs.resolve(d.name() + ".log"), env));
        }
        String[] topics = topics();
        KafkaTopics.ensure(6, topics);
        Map<TopicPartition, Long> before = KafkaRecords.endOffsets(List.of(topics));
        Instant begin = Instant.now();
        byName.values().forEach(s -> s.start(Map.of()));
        Services started = new Services(byName, begin, before);
        try {
            byName.values().forEach(s -> s.awaitReady(Duration.ofSeconds(180)));
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
        System.err.printf("[system] five services ready in %d ms; logs in %s%n",
                Duration.between(begin, Instant.now()).toMillis(), logs);
        services = started;
        // a previous run on the same devstack leaves the demo citizens appointments ahead, and appointment-service holds
        // each citizen to a quota of them: the run starts with none
        for (DemoUser citizen : List.of(DemoUser.CAMILLE, DemoUser.MOHAMED)) {
            Journeys.cancelAppointmentsAhead(citizen);
        }
        return started;
    }

    private static String[] topics() {
        try (InputStream in = RelaisSystem.class.getResourceAsStream("/topics.txt")) {
            if (in == null) {
                throw new IllegalStateException("topics.txt (relais-events) is not on the classpath");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> TOPIC_PREFIX + l.split("\\s+")[0]).toArray(String[]::new);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean portTaken(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static String env(String name, String fallback) {
        String value = System.getProperty(name, System.getenv(name));
        return value == null || value.isBlank() ? fallback : value;
    }

    private record Definition(String name, String portVariable, String defaultPort, String managementPortVariable,
                              String defaultManagementPort, String database) {
    }

    private static final List<Definition> DEFINITIONS = List.of(
            new Definition("journey-service", "RELAIS_JOURNEY_PORT", "8081", "RELAIS_JOURNEY_MANAGEMENT_PORT", "9181", "journey"),
            new Definition("appointment-service", "RELAIS_APPOINTMENT_PORT", "8082", "RELAIS_APPOINTMENT_MANAGEMENT_PORT", "9182",
                    "appointment"),
            new Definition("mediation-service", "RELAIS_MEDIATION_PORT", "8083", "RELAIS_MEDIATION_MANAGEMENT_PORT", "9183",
                    "mediation"),
            new Definition("notification-service", "RELAIS_NOTIFICATION_PORT", "8084", "RELAIS_NOTIFICATION_MANAGEMENT_PORT", "9184",
                    "notification"),
            new Definition("channel-gateway", "RELAIS_GATEWAY_PORT", "8080", "RELAIS_GATEWAY_MANAGEMENT_PORT", "9180", "gateway"));
}
