package fr.relais.bench;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What the benchmark targets and how long it runs. Every address is 127.0.0.1: only the port is configurable
 * (the devstack's RELAIS_*_PORT variables), so the load can never leave this machine.
 * Durations and rates come from system properties ({@code -Dbench.step=PT10S}); defaults keep a run near 5 minutes.
 */
public record BenchConfig(int gatewayPort, int keycloakPort, int kafkaPort, int pgPort, Path relaisHome,
                          Duration warmup, Duration step, Duration phase, Duration baseline,
                          int warmupRate, int startRate, double rampFactor, int maxRate, int inFlightLimit) {

    public static final String LOOPBACK = "127.0.0.1";

    public static BenchConfig fromEnvironment() {
        Path home = Path.of(env("RELAIS_HOME", checkoutRoot().toString())).toAbsolutePath().normalize();
        return new BenchConfig(
                Integer.parseInt(env("RELAIS_GATEWAY_PORT", "8080")),
                Integer.parseInt(env("RELAIS_KEYCLOAK_PORT", "18080")),
                Integer.parseInt(env("RELAIS_KAFKA_PORT", "19092")),
                Integer.parseInt(env("RELAIS_PG_PORT", "15432")),
                home,
                duration("bench.warmup", "PT60S"),
                duration("bench.step", "PT12S"),
                duration("bench.phase", "PT20S"),
                duration("bench.baseline", "PT10S"),
                // the JIT of five services on two cores needs a minute of moderate load before figures mean anything; both
                // rates sit under what a just-started stack keeps up (about 50/s), or the warm-up only queues
                Integer.getInteger("bench.warmup-rate", 30),
                Integer.getInteger("bench.start-rate", 20),
                Double.parseDouble(System.getProperty("bench.ramp-factor", "1.3")),
                Integer.getInteger("bench.max-rate", 5000),
                Integer.getInteger("bench.in-flight-limit", 4000));
    }

    public String keycloakUrl() {
        return "http://" + LOOPBACK + ":" + keycloakPort;
    }

    public String kafkaBootstrap() {
        return LOOPBACK + ":" + kafkaPort;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + LOOPBACK + ":" + pgPort + "/" + database;
    }

    /** Where ./relais keeps its pid files ($RELAIS_STATE/run, by default .relais/run in the checkout). */
    public Path runDir() {
        return Path.of(env("RELAIS_STATE", relaisHome.resolve(".relais").toString())).resolve("run");
    }

    /** The directory holding ./relais, from where Maven runs (the checkout or its bench module). */
    private static Path checkoutRoot() {
        Path here = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        return java.nio.file.Files.exists(here.resolve("relais")) ? here : here.getParent();
    }

    private static Duration duration(String property, String fallback) {
        return Duration.parse(System.getProperty(property, fallback));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
