package fr.relais.system.scale;

import fr.relais.bench.http.BenchUsers;
import fr.relais.bench.http.Gateway;
import fr.relais.bench.load.Cast;
import fr.relais.bench.load.JourneyScript;
import fr.relais.system.harness.DeadLetters;
import fr.relais.system.harness.ExactlyOnce;
import fr.relais.testsupport.JdbcDatabase;
import fr.relais.testsupport.Stack;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Failover under load, in scale mode (./relais up --scale: three brokers, two instances of each service behind
 * HAProxy). Whole journeys run at a steady rate through HAProxy (after a warm-up ramp) while one instance of each
 * service and one broker are SIGKILLed in turn and restarted, then PostgreSQL is stopped twice (fast, then immediate
 * as a crash) and started again. Clients retry a 502/503/504 or a broken connection with the same
 * Idempotency-Key, as a careful client does. Afterwards every journey is complete, every acknowledged command was
 * applied exactly once, every downstream service has every journey's state, nothing is left in an outbox, and
 * nothing went to a dead-letter topic. The figures
 * (rebalance times, latency per phase) are printed and written to target/failover.json.
 */
class FailoverTest {

    private static final double JOURNEYS_PER_SECOND = Double.parseDouble(System.getProperty("failover.journeys-per-second", "1"));
    // a freshly started stack compiles its hot paths under the first load: ten cold JVMs on two cores would measure
    // the JIT, not the failover; the warm-up ramps to the full rate and its commands are checked like the others
    private static final Duration WARM_UP = Duration.ofSeconds(Long.parseLong(System.getProperty("failover.warm-up-seconds", "60")));
    // ... and lasts until the commands of the last few seconds are back to normal, within a bound
    private static final Duration SETTLED_P99 = Duration.ofSeconds(2);
    private static final Duration WARM_UP_AT_MOST = Duration.ofSeconds(240);
    private static final Duration CALM = Duration.ofSeconds(15);
    private static final Duration DOWN_FOR = Duration.ofSeconds(10);
    // only waited while journeys are in flight: a bound, not a pause
    private static final Duration DRAIN = Duration.ofSeconds(300);
    private static final List<String> DATABASES = List.of("journey", "appointment", "mediation", "notification");

    private final Map<String, Object> figures = new LinkedHashMap<>();

    @Test
    void every_service_a_broker_and_the_database_fail_under_load_and_nothing_is_lost_or_doubled() throws Exception {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        try (BenchUsers users = new BenchUsers(Stack.keycloakUrl());
             Gateway gateway = new Gateway(vertx, ScaleStack.gatewayPort(), 64);
             Admin kafka = ScaleStack.kafkaAdmin()) {
            users.removeLeftovers();
            ScaleStack.preferredLeaders(kafka);
            Cast cast = new Cast(users, 40, 4);
            cast.warmTokens();
            Map<UUID, UUID> accepted = new ConcurrentHashMap<>(); // command id -> journey id
            gateway.onAccepted(body -> accepted.put(UUID.fromString(body.getString("commandId")), UUID.fromString(body.getString("journeyId"))));
            Map<String, Long> deadLettersBefore = DeadLetters.endOffsets(kafka);

            // access tokens live 10 minutes and a slow run lasts longer: fresh ones every 4 minutes, as a client would
            ScheduledExecutorService tokenRefresh = Executors.newSingleThreadScheduledExecutor();
            tokenRefresh.scheduleAtFixedRate(users::refreshTokens, 4, 4, TimeUnit.MINUTES);
            long start = System.nanoTime();
            Phases phases = new Phases(start);
            Load load = new Load(new JourneyScript(gateway, cast), phases, WARM_UP);
            Thread generator = new Thread(() -> load.run(start), "failover-load");
            generator.start();

            try {
                faults(kafka, phases);
            } finally {
                load.stop();
                generator.join();
                long drainUntil = System.nanoTime() + DRAIN.toNanos();
                while (load.inFlight() > 0 && System.nanoTime() < drainUntil) {
                    Thread.sleep(100);
                }
                figures.put("journeysStarted", load.started());
                figures.put("journeysCompleted", load.completed());
                figures.put("commandsAccepted", accepted.size());
                figures.put("clientRetries", gateway.retries());
                tokenRefresh.shutdownNow();
                report(phases);
            }

            assertThat(load.failures()).as("journeys that did not complete, by reason").isEmpty();
            assertThat(load.inFlight()).as("journeys still in flight %d s after the load ended", DRAIN.toSeconds()).isZero();
            assertThat(load.completed()).isEqualTo(load.started()).isPositive();
            ExactlyOnce.check(new JdbcDatabase("journey", "journey"), accepted, load.completed());
            downstreamSawEveryJourney(Set.copyOf(accepted.values()));
            outboxesDrained();
            assertThat(DeadLetters.endOffsets(kafka)).as("records on the dead-letter topics").isEqualTo(deadLettersBefore);
        } finally {
            vertx.close();
        }
    }

    /** Each fault in turn: the kill, how long until the stack routes around it, the restart, a calm spell. */
    private void faults(Admin kafka, Phases phases) {
        long warmUpFrom = System.nanoTime();
        pause(WARM_UP);
        phases.recentP99Ms();
        do {
            pause(Duration.ofSeconds(10));
        } while (phases.recentP99Ms() > SETTLED_P99.toMillis() && System.nanoTime() - warmUpFrom < WARM_UP_AT_MOST.toNanos());
        figures.put("warmUpSeconds", Duration.ofNanos(System.nanoTime() - warmUpFrom).toSeconds());
        phases.begin("steady, nothing killed", System.nanoTime());
        pause(CALM);
        long killed = kill("channel-gateway-1", phases);
        figures.put("gatewayMarkedDownMs", Recovery.figure(Recovery.haproxyMarksDown("channel-gateway-1", killed)));
        restart("channel-gateway-1", phases);

        // each service in turn: its consumer group shares the dead instance's partitions out, the restart takes them back
        for (String instance : List.of("journey-service-2", "appointment-service-1", "mediation-service-2", "notification-service-1")) {
            String group = instance.substring(0, instance.lastIndexOf('-'));
            int members = Recovery.members(kafka, group);
            killed = kill(instance, phases);
            figures.put(lowerFirst(camel(group)) + "RebalanceMs", Recovery.figure(Recovery.groupRebalanced(kafka, group, members, killed)));
            restart(instance, phases);
        }

        killed = kill("kafka-2", phases);
        figures.put("brokerLeadersMovedMs", Recovery.figure(Recovery.leadersMoved(kafka, 2, killed)));
        figures.put("partitionsWithoutLeaderWhileBrokerDown", Recovery.leaderless(kafka));
        restart("kafka-2", phases);

        databaseDown("down-fast", phases);
        databaseDown("down-immediate", phases);
    }

    /**
     * PostgreSQL stopped (a fast shutdown, or immediate: a crash, WAL replayed at the next start) and started again
     * 10 s later; every service loses every connection. Measured on journey-service-1: how long until its readiness
     * says so, and until it is ready again once the database is back.
     */
    private void databaseDown(String how, Phases phases) {
        String ready = ScaleStack.readyUrl("journey-service", 1);
        long at = System.nanoTime();
        phases.begin("postgres " + how, at);
        ScaleStack.part("postgres", how);
        String figure = "postgres" + camel(how);
        figures.put(figure + "NotReadyMs", Recovery.figure(Recovery.readiness(ready, false, at)));
        pause(DOWN_FOR.minusNanos(System.nanoTime() - at));
        long from = System.nanoTime();
        ScaleStack.part("postgres", "up");
        phases.begin("after postgres is back (" + how + ")", System.nanoTime());
        figures.put(figure + "ReadyAgainMs", Recovery.figure(Recovery.readiness(ready, true, from)));
        pause(CALM.minusNanos(System.nanoTime() - from));
    }

    private static String lowerFirst(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    /** journey-service -> JourneyService, down-fast -> DownFast: figure names. */
    private static String camel(String dashed) {
        StringBuilder name = new StringBuilder();
        for (String word : dashed.split("-")) {
            name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return name.toString();
    }

    private long kill(String part, Phases phases) {
        long at = System.nanoTime();
        phases.begin(part + " killed", at);
        ScaleStack.part(part, "kill");
        return at;
    }

    private void restart(String part, Phases phases) {
        pause(DOWN_FOR);
        long from = System.nanoTime();
        ScaleStack.part(part, "up");
        figures.put(part + "RestartMs", Duration.ofNanos(System.nanoTime() - from).toMillis());
        phases.begin("after " + part + " is back", System.nanoTime());
        pause(CALM);
    }

    /**
     * The services that were killed while they consumed journey.events have each journey's state: nothing was lost
     * between their last committed offset and the kill (doubles are refused by their processed-message ids and keys).
     */
    private void downstreamSawEveryJourney(Set<UUID> journeys) {
        String[] ids = journeys.stream().map(UUID::toString).toArray(String[]::new);
        JdbcDatabase appointment = new JdbcDatabase("appointment", "appointment");
        JdbcDatabase mediation = new JdbcDatabase("mediation", "mediation");
        JdbcDatabase notification = new JdbcDatabase("notification", "notification");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(appointment.count("select count(*) from journey_fact where journey_id = any(?::uuid[])", (Object) ids))
                    .as("journeys whose owner appointment-service knows").isEqualTo(ids.length);
            assertThat(mediation.count("select count(*) from journey_context where journey_id = any(?::uuid[]) and procedure_id = ?",
                    ids, JourneyScript.PROCEDURE)).as("journeys whose procedure mediation-service knows").isEqualTo(ids.length);
            for (String trigger : List.of("handoff-accepted", "journey-completed")) {
                assertThat(notification.count("select count(distinct journey_id) from notification where journey_id = any(?::uuid[]) and trigger = ?",
                        ids, trigger)).as("journeys with a " + trigger + " message").isEqualTo(ids.length);
            }
            assertThat(notification.count("select count(*) from journey_activity where journey_id = any(?::uuid[]) and ended", (Object) ids))
                    .as("journeys notification-service knows as ended").isEqualTo(ids.length);
        });
        assertThat(notification.query("select n.journey_id, n.trigger from notification n where n.journey_id = any(?::uuid[])"
                + " group by n.journey_id, n.trigger having count(*) > 1", (Object) ids)).as("messages planned twice").isEmpty();
    }

    private void outboxesDrained() {
        for (String database : DATABASES) {
            JdbcDatabase db = new JdbcDatabase(database, database);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(db.count("select count(*) from outbox where published_at is null")).as(database + " outbox").isZero());
        }
    }

    private void report(Phases phases) throws Exception {
        StringBuilder table = new StringBuilder("\nFailover under load (").append(JOURNEYS_PER_SECOND).append(" journeys/s, ")
                .append(JOURNEYS_PER_SECOND * JourneyScript.COMMANDS).append(" commands/s)\n")
                .append(String.format(Locale.ROOT, "%-36s %9s %9s %9s %9s%n", "phase", "commands", "p50 ms", "p99 ms", "max ms"));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Phases.Row row : phases.rows()) {
            table.append(String.format(Locale.ROOT, "%-36s %9d %9.1f %9.1f %9.1f%n", row.phase(), row.commands(), row.p50Ms(), row.p99Ms(), row.maxMs()));
            rows.add(Map.of("phase", row.phase(), "commands", row.commands(), "p50Ms", row.p50Ms(), "p99Ms", row.p99Ms(), "maxMs", row.maxMs()));
        }
        figures.forEach((name, value) -> table.append(String.format(Locale.ROOT, "%-36s %s%n", name, value)));
        System.out.println(table);
        Map<String, Object> json = new LinkedHashMap<>(figures);
        json.put("phases", rows);
        Path out = Path.of("target", "failover.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(json));
    }

    private static void pause(Duration duration) {
        LockSupport.parkNanos(duration.toNanos());
    }

    /** Journeys started on a fixed schedule (open loop) until told to stop: a quarter of the rate at first, all of it after the warm-up. */
    private static final class Load {
        private final JourneyScript script;
        private final Phases phases;
        private final Duration warmUp;
        private final AtomicInteger inFlight = new AtomicInteger();
        private final AtomicLong started = new AtomicLong();
        private final AtomicLong completed = new AtomicLong();
        private final Map<String, Long> failures = new ConcurrentHashMap<>();
        private volatile boolean stopping;

        Load(JourneyScript script, Phases phases, Duration warmUp) {
            this.script = script;
            this.phases = phases;
            this.warmUp = warmUp;
        }

        void run(long start) {
            long due = start;
            for (long i = 0; !stopping; i++, due += intervalNanos(due - start)) {
                LockSupport.parkNanos(due - System.nanoTime());
                inFlight.incrementAndGet();
                started.incrementAndGet();
                script.play(i, due, (micros, endedNanos) -> phases.record(endedNanos - micros * 1000, micros)).onComplete(result -> {
                    inFlight.decrementAndGet();
                    if (result.succeeded()) {
                        completed.incrementAndGet();
                    } else {
                        failures.merge(result.cause().getMessage(), 1L, Long::sum);
                    }
                });
            }
        }

        private long intervalNanos(long sinceStartNanos) {
            double share = warmUp.isZero() ? 1 : Math.min(1, 0.25 + 0.75 * sinceStartNanos / warmUp.toNanos());
            return (long) (1e9 / (JOURNEYS_PER_SECOND * share));
        }

        void stop() {
            stopping = true;
        }

        int inFlight() {
            return inFlight.get();
        }

        long started() {
            return started.get();
        }

        long completed() {
            return completed.get();
        }

        Map<String, Long> failures() {
            return failures;
        }
    }
}
