package fr.relais.system.scenarios;

import fr.relais.bench.http.BenchUsers;
import fr.relais.bench.http.Gateway;
import fr.relais.bench.load.Cast;
import fr.relais.bench.load.JourneyScript;
import fr.relais.system.harness.DeadLetters;
import fr.relais.system.harness.ExactlyOnce;
import fr.relais.system.harness.FaultsReport;
import fr.relais.system.harness.NetworkNamespace;
import fr.relais.system.harness.OpenLoad;
import fr.relais.system.harness.RelaisSystem;
import fr.relais.system.harness.ServiceProcess;
import fr.relais.testsupport.JdbcDatabase;
import fr.relais.testsupport.Stack;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * mediation-service cut off from Kafka, PostgreSQL and everything else for 30 s while its process keeps running: it
 * runs in its own network namespace (./relais netns) whose link is set down under a steady load of whole journeys,
 * then up again. The rest of the stack serves every journey meanwhile; mediation-service comes back by itself
 * (ready again, its backlog consumed: every journey known to it), parks nothing on a dead-letter topic, and is not
 * restarted.
 */
@ExtendWith(RelaisSystem.class)
@Order(68)
class NetworkCutTest {

    private static final double RATE = 1;
    private static final Duration BEFORE = Duration.ofSeconds(10);
    private static final Duration CUT = Duration.ofSeconds(30);
    private static final Duration AFTER = Duration.ofSeconds(10);
    // bounds, not pauses: each is only waited while the condition is not met
    private static final Duration RECOVERY = Duration.ofSeconds(120);
    private static final Duration DRAIN = Duration.ofSeconds(120);

    @Test
    void aServiceCutOffForThirtySecondsComesBackByItselfAndLosesNothing() throws Exception {
        ServiceProcess mediation = RelaisSystem.services().mediation();
        mediation.stop();
        NetworkNamespace namespace = NetworkNamespace.up(mediation.port(), mediation.managementPort());
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        try (BenchUsers users = new BenchUsers(Stack.keycloakUrl());
             Gateway gateway = new Gateway(vertx, RelaisSystem.services().gateway().port(), 32);
             Admin kafka = Admin.create(Stack.kafkaClient(Map.of()))) {
            mediation.start(NetworkNamespace.NAME, Map.of());
            mediation.awaitReady(Duration.ofSeconds(120));
            users.removeLeftovers();
            Cast cast = new Cast(users, 10, 2);
            cast.warmTokens();
            Map<String, Long> deadLettersBefore = systemDeadLetters(kafka);
            Map<UUID, UUID> accepted = new ConcurrentHashMap<>();
            gateway.onAccepted(body -> accepted.put(UUID.fromString(body.getString("commandId")), UUID.fromString(body.getString("journeyId"))));
            OpenLoad load = new OpenLoad(new JourneyScript(gateway, cast));

            load.offer(RATE, BEFORE);
            namespace.cut();
            load.offer(RATE, CUT);
            assertThat(mediation.running()).as("mediation-service's process kept running while cut off").isTrue();
            namespace.join();
            long joined = System.nanoTime();
            load.offer(RATE, AFTER);
            await("mediation-service ready again").atMost(RECOVERY).pollInterval(Duration.ofMillis(250)).until(mediation::ready);
            double readyAfterS = (System.nanoTime() - joined) / 1e9;
            load.drain(DRAIN);
            assertThat(load.failures()).as("journeys that did not complete, by reason").isEmpty();
            assertThat(load.completed()).isEqualTo(load.started());
            String[] journeys = Set.copyOf(accepted.values()).stream().map(UUID::toString).toArray(String[]::new);
            JdbcDatabase mediationDb = new JdbcDatabase("mediation_system", "mediation");
            await("mediation-service knows every journey").atMost(RECOVERY).pollInterval(Duration.ofMillis(500)).until(() ->
                    mediationDb.count("select count(*) from journey_context where journey_id = any(?::uuid[])", (Object) journeys) == journeys.length);
            double caughtUpAfterS = (System.nanoTime() - joined) / 1e9;
            ExactlyOnce.check(new JdbcDatabase("journey_system", "journey"), accepted, load.completed());
            assertThat(systemDeadLetters(kafka)).as("records on the system tests' dead-letter topics").isEqualTo(deadLettersBefore);
            assertThat(mediation.running()).as("mediation-service was never restarted").isTrue();

            String recovery = String.format(Locale.ROOT, "ready %.1f s after the link is back, every journey consumed after %.1f s", readyAfterS, caughtUpAfterS);
            System.out.printf(Locale.ROOT, "%nNetwork cut-off of mediation-service for %d s: %d journeys, %d commands; %s%n",
                    CUT.toSeconds(), load.completed(), accepted.size(), recovery);
            FaultsReport.row("mediation-service cut off the network for 30 s, its process running (`NetworkCutTest`)",
                    RATE + " journey/s through the gateway", load.completed() + " of " + load.started() + " journeys completed meanwhile",
                    "0 / 0, no dead letter", recovery, "-");
        } finally {
            vertx.close();
            mediation.stop();
            namespace.close();
            mediation.start(Map.of());
            mediation.awaitReady(Duration.ofSeconds(120));
        }
    }

    private static Map<String, Long> systemDeadLetters(Admin kafka) throws Exception {
        return DeadLetters.endOffsets(kafka).entrySet().stream().filter(entry -> entry.getKey().startsWith(RelaisSystem.TOPIC_PREFIX))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
