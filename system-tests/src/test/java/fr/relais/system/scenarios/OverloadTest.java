package fr.relais.system.scenarios;

import fr.relais.bench.http.BenchUsers;
import fr.relais.bench.http.Gateway;
import fr.relais.bench.http.Reply;
import fr.relais.bench.load.Cast;
import fr.relais.bench.load.JourneyScript;
import fr.relais.system.harness.ExactlyOnce;
import fr.relais.system.harness.FaultsReport;
import fr.relais.system.harness.OpenLoad;
import fr.relais.system.harness.RelaisSystem;
import fr.relais.testsupport.JdbcDatabase;
import fr.relais.testsupport.Stack;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Overload: whole journeys offered at about three times what this machine sustains (the bench measures 25-30
 * journeys/s, 200-240 commands/s), between two calm spells. The gateway sheds what it cannot serve with 503
 * {@code overloaded} and a Retry-After, the requests it accepts keep a bounded latency, it stops refusing as soon as the
 * load is back to normal, and the clients (retrying with the same Idempotency-Key after Retry-After) get every journey
 * through, every acknowledged command applied exactly once.
 */
@ExtendWith(RelaisSystem.class)
@Order(66)
class OverloadTest {

    private static final double CALM_RATE = 2;
    private static final double OVERLOAD_RATE = Double.parseDouble(System.getProperty("overload.journeys-per-second", "75"));
    private static final Duration BEFORE = Duration.ofSeconds(10);
    private static final Duration OVERLOAD = Duration.ofSeconds(10);
    // the journeys refused during the overload come back (after their Retry-After) until the backlog is served:
    // "the load dropped" for the gateway is when they are through; the last 15 s of this spell must be quiet
    private static final Duration AFTER = Duration.ofSeconds(60);
    // only waited while journeys are in flight: a bound, not a pause
    private static final Duration DRAIN = Duration.ofSeconds(180);

    /** What the clients saw in one phase: every HTTP answer, the refusals apart. */
    private static final class Phase {
        final String name;
        final AtomicLong answers = new AtomicLong();
        final AtomicLong shed = new AtomicLong();
        final AtomicLong shedWithoutRetryAfter = new AtomicLong();
        final AtomicLong serverErrors = new AtomicLong();
        final ConcurrentLinkedQueue<Long> servedMicros = new ConcurrentLinkedQueue<>();
        volatile long lastShedNanos;

        Phase(String name) {
            this.name = name;
        }

        void answered(Reply reply, long nanos) {
            answers.incrementAndGet();
            if (reply.status() == 503 && reply.body().contains("/overloaded")) {
                shed.incrementAndGet();
                lastShedNanos = System.nanoTime();
                if (reply.retryAfterMs() <= 0) {
                    shedWithoutRetryAfter.incrementAndGet();
                }
            } else {
                if (reply.status() >= 500) {
                    serverErrors.incrementAndGet();
                }
                servedMicros.add(nanos / 1_000);
            }
        }

        double percentileMs(double p) {
            List<Long> sorted = new ArrayList<>(servedMicros);
            if (sorted.isEmpty()) {
                return 0;
            }
            sorted.sort(null);
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1000.0;
        }
    }

    @Test
    void atThreeTimesTheSustainedRateTheGatewayShedsWithRetryAfterAndRecoversAtOnce() throws Exception {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        Phase before = new Phase("calm, 2 journeys/s");
        Phase overload = new Phase("overload, " + OVERLOAD_RATE + " journeys/s");
        Phase after = new Phase("calm again, 2 journeys/s");
        Phase lateAfter = new Phase("last 15 s of the calm");
        Phase[] current = {before};
        try (BenchUsers users = new BenchUsers(Stack.keycloakUrl());
             Gateway gateway = new Gateway(vertx, RelaisSystem.services().gateway().port(), 256)) {
            users.removeLeftovers();
            Cast cast = new Cast(users, 40, 4);
            cast.warmTokens();
            Map<UUID, UUID> accepted = new ConcurrentHashMap<>();
            gateway.onAccepted(body -> accepted.put(UUID.fromString(body.getString("commandId")), UUID.fromString(body.getString("journeyId"))));
            gateway.onAnswer((reply, nanos) -> current[0].answered(reply, nanos));
            OpenLoad load = new OpenLoad(new JourneyScript(gateway, cast));

            load.offer(CALM_RATE, BEFORE);
            current[0] = overload;
            load.offer(OVERLOAD_RATE, OVERLOAD);
            long overloadEnded = System.nanoTime();
            current[0] = after;
            load.offer(CALM_RATE, AFTER.minusSeconds(15));
            current[0] = lateAfter;
            load.offer(CALM_RATE, Duration.ofSeconds(15));
            load.drain(DRAIN);
            double lastShedAfterMs = overload.lastShedNanos == 0 ? 0 : Math.max(0, (Math.max(after.lastShedNanos, overload.lastShedNanos) - overloadEnded) / 1e6);
            report(List.of(before, overload, after, lateAfter), load.started(), load.completed(), accepted.size(), gateway.retries(), lastShedAfterMs);

            assertThat(overload.shed).as("requests refused as overloaded at %s journeys/s", OVERLOAD_RATE).hasPositiveValue();
            for (Phase phase : List.of(before, overload, after, lateAfter)) {
                assertThat(phase.shedWithoutRetryAfter).as("refusals without Retry-After, " + phase.name).hasValue(0);
                assertThat(phase.serverErrors).as("5xx other than the refusals, " + phase.name).hasValue(0);
            }
            assertThat(before.shed).as("refusals before the overload").hasValue(0);
            assertThat(lateAfter.shed).as("refusals 15 s after the load dropped").hasValue(0);
            // served requests do not queue behind the overload: a command's answer waits at most the gateway's own 4 s for
            // its outcome (then a 202 to poll), a read at most the 2 s downstream budget
            assertThat(overload.percentileMs(0.99)).as("p99 ms of the requests served during the overload").isLessThan(5_000);
            assertThat(lateAfter.percentileMs(0.99)).as("p99 ms once the load is back to normal").isLessThan(1_000);
            assertThat(load.failures()).as("journeys that did not complete, by reason").isEmpty();
            assertThat(load.inFlight()).as("journeys still in flight %d s after the load ended", DRAIN.toSeconds()).isZero();
            assertThat(load.completed()).isEqualTo(load.started());
            ExactlyOnce.check(new JdbcDatabase("journey_system", "journey"), accepted, load.completed());
        } finally {
            vertx.close();
        }
    }

    private static void report(List<Phase> phases, long started, long completed, int commands, long retries, double lastShedAfterMs) {
        StringBuilder table = new StringBuilder("\nOverload (").append(OVERLOAD_RATE).append(" journeys/s for ").append(OVERLOAD.toSeconds())
                .append(" s between calm spells)\n")
                .append(String.format(Locale.ROOT, "%-32s %9s %9s %9s %9s%n", "phase", "answers", "shed", "p50 ms", "p99 ms"));
        for (Phase phase : phases) {
            table.append(String.format(Locale.ROOT, "%-32s %9d %9d %9.1f %9.1f%n", phase.name, phase.answers.get(), phase.shed.get(),
                    phase.percentileMs(0.50), phase.percentileMs(0.99)));
        }
        table.append(String.format(Locale.ROOT, "journeys %d started, %d completed; %d commands acknowledged; %d client retries;"
                + " last refusal %.0f ms after the overload ended%n", started, completed, commands, retries, lastShedAfterMs));
        System.out.println(table);
        Phase overload = phases.get(1);
        FaultsReport.row("overload: " + OVERLOAD_RATE + " journeys/s for " + OVERLOAD.toSeconds() + " s (`OverloadTest`)",
                "between spells of 2 journeys/s", overload.answers + " answers, " + overload.shed + " x 503 overloaded with Retry-After, "
                        + completed + " of " + started + " journeys completed", "0 / 0 (" + commands + " commands once)",
                String.format(Locale.ROOT, "last refusal %.1f s after the load dropped", lastShedAfterMs / 1000),
                String.format(Locale.ROOT, "%.0f ms (served requests)", overload.percentileMs(0.99)));
    }
}
