package fr.relais.system.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * One built Relais service (its target/quarkus-app) run as a separate JVM, as ./relais up runs it.
 * Its output is appended to a log file that failing tests point to; it can be stopped gracefully,
 * killed with SIGKILL, and started again with extra environment (a restart keeps the same log file).
 */
public final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final int managementPort;
    private final Path jar;
    private final Path log;
    private final Map<String, String> environment;
    private Process process;

    ServiceProcess(String name, int port, int managementPort, Path jar, Path log, Map<String, String> environment) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.jar = jar;
        this.log = log;
        this.environment = Map.copyOf(environment);
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Health, metrics and OpenAPI: the management interface, on loopback, never the public port. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public long pid() {
        return process.pid();
    }

    public int managementPort() {
        return managementPort;
    }

    /** Starts the JVM (not waiting for readiness); {@code extra} adds or overrides environment variables. */
    public synchronized void start(Map<String, String> extra) {
        start(null, extra);
    }

    /** Starts the JVM inside a network namespace (ip netns exec; null: the host's network). */
    public synchronized void start(String namespace, Map<String, String> extra) {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running (pid " + process.pid() + ")");
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(name + " is not built: " + jar + " is missing (mvn package builds it)");
        }
        List<String> command = new ArrayList<>(namespace == null ? List.of() : List.of("ip", "netns", "exec", namespace));
        command.addAll(List.of(javaExecutable(),
                // the same modest footprint as ./relais up: four services and the infrastructure share two cores
                "-Xms32m", "-Xmx160m", "-XX:+UseSerialGC", "-XX:MaxMetaspaceSize=160m",
                "-XX:ReservedCodeCacheSize=64m", "-Xss512k", "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = new HashMap<>(environment);
        env.putAll(extra);
        builder.environment().putAll(env);
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "==== starting " + name + " " + java.time.Instant.now() + " " + extra.keySet() + "\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name, e);
        }
    }

    public void awaitReady(Duration timeout) {
        await(name + " ready on " + baseUrl() + " (log: " + log + ")")
                .atMost(timeout).pollInterval(Duration.ofMillis(250))
                .failFast(name + " exited before it was ready, see " + log, () -> !process.isAlive())
                .until(this::ready);
    }

    public synchronized boolean running() {
        return process != null && process.isAlive();
    }

    public boolean ready() {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGKILL: no shutdown hook, no graceful drain, exactly what a crash looks like. */
    public synchronized void kill() {
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(15));
    }

    /** SIGTERM, as an operator stops a service; waits for its graceful shutdown. */
    public synchronized void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!waitFor(Duration.ofSeconds(30))) {
            process.destroyForcibly();
            waitFor(Duration.ofSeconds(10));
        }
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
