package fr.relais.system.scale;

import fr.relais.testsupport.Stack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.ElectionType;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The stack that ./relais up --scale runs: HAProxy's ports, one part killed or restarted through ./relais part. */
final class ScaleStack {

    private static final Path LOG = Path.of("target", "relais-part.log");

    private ScaleStack() {
    }

    static int gatewayPort() {
        return Integer.parseInt(env("RELAIS_GATEWAY_PORT", "8080"));
    }

    static String haproxyStats() {
        return "http://127.0.0.1:" + env("RELAIS_HAPROXY_STATS_PORT", "18404") + "/stats;csv";
    }

    /** @param action kill (SIGKILL), down or up; up returns once the part is ready again */
    static void part(String name, String action) {
        Path home = Path.of(System.getProperty("relais.home", "..")).toAbsolutePath().normalize();
        try {
            Process process = new ProcessBuilder(home.resolve("relais").toString(), "part", name, action)
                    .directory(home.toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(LOG.toFile())).start();
            if (!process.waitFor(240, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("./relais part " + name + " " + action + " failed; see " + LOG.toAbsolutePath());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The readiness check of one instance (instance k listens on its service's management port + 100 k). */
    static String readyUrl(String service, int instance) {
        int port = switch (service) {
            case "channel-gateway" -> 9180;
            case "journey-service" -> 9181;
            case "appointment-service" -> 9182;
            case "mediation-service" -> 9183;
            case "notification-service" -> 9184;
            default -> throw new IllegalArgumentException(service);
        };
        String variable = "RELAIS_" + service.replace("-service", "").replace("channel-", "").toUpperCase(java.util.Locale.ROOT) + "_MANAGEMENT_PORT";
        return "http://127.0.0.1:" + (Integer.parseInt(env(variable, String.valueOf(port))) + 100 * instance) + "/q/health/ready";
    }

    /** The super user's admin client on every broker (any one may be down). */
    static Admin kafkaAdmin() {
        Map<String, Object> settings = new HashMap<>(Stack.kafkaClient(Map.of()));
        settings.put("request.timeout.ms", 5_000);
        settings.put("default.api.timeout.ms", 10_000);
        return Admin.create(settings);
    }

    /**
     * Every partition led by its preferred replica now: brokers that started one after the other leave the leaders
     * on the first ones, and the controller's periodic rebalance (every 5 minutes) would otherwise move dozens of
     * leaders in the middle of the measurement.
     */
    static void preferredLeaders(Admin kafka) {
        try {
            kafka.electLeaders(ElectionType.PREFERRED, null).partitions().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the preferred leader election failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getProperty(name, System.getenv(name));
        return value == null || value.isBlank() ? fallback : value;
    }
}
