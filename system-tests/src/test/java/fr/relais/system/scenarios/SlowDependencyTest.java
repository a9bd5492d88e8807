package fr.relais.system.scenarios;

import fr.relais.system.harness.Api;
import fr.relais.system.harness.DelayingProxy;
import fr.relais.system.harness.FaultsReport;
import fr.relais.system.harness.Journeys;
import fr.relais.system.harness.RelaisSystem;
import fr.relais.system.harness.Reply;
import fr.relais.system.harness.ServiceProcess;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static fr.relais.testsupport.DemoUser.CAMILLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * journey-service answering 3 s late (a relay on loopback holds its answers back; the gateway restarted to call it
 * there): the gateway does not queue its callers behind it. Each read waits at most the downstream time budget (2 s)
 * and is a 504 problem; once half of the recent calls failed, the circuit breaker answers 503 with Retry-After at once;
 * the gateway stays ready; when journey-service is quick again, reads succeed within seconds, by themselves.
 */
@ExtendWith(RelaisSystem.class)
@Order(65)
class SlowDependencyTest {

    private static final Duration LATE = Duration.ofSeconds(3);
    /** The gateway's time budget for a downstream call (quarkus.fault-tolerance.global.timeout.value). */
    private static final Duration BUDGET = Duration.ofSeconds(2);
    private static final int CALLERS = 8;
    private static final int READS_EACH = 6;

    private record Timed(Reply reply, Duration took) {
    }

    @Test
    void aSlowJourneyServiceGetsQuickProblemsNotAQueueAndRecoversByItself() throws Exception {
        UUID journey = Journeys.start(CAMILLE, "changement-adresse");
        String path = "/api/portal/journeys/" + journey;
        ServiceProcess gateway = RelaisSystem.services().gateway();
        try (DelayingProxy slowJourneyService = new DelayingProxy(RelaisSystem.services().journey().port())) {
            restart(gateway, Map.of("RELAIS_JOURNEY_PORT", String.valueOf(slowJourneyService.port())));
            Api.as(CAMILLE).get(path).expect(200);

            slowJourneyService.delay(LATE);
            List<Timed> during = readConcurrently(path);
            assertThat(gateway.ready()).as("the gateway stays ready while journey-service is slow").isTrue();

            slowJourneyService.delay(Duration.ZERO);
            Instant quickAgain = Instant.now();
            await("reads succeed again once journey-service is quick").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(250)).until(() -> Api.as(CAMILLE).get(path).status() == 200);
            Duration recovery = Duration.between(quickAgain, Instant.now());

            List<Integer> statuses = during.stream().map(t -> t.reply().status()).toList();
            assertThat(statuses).as("answers while journey-service was 3 s late").isNotEmpty()
                    .allMatch(status -> status == 503 || status == 504);
            assertThat(during).allSatisfy(t -> assertThat(t.reply().body().path("type").asText())
                    .as(t.reply().raw()).isIn("https://relais.example/problems/service-timeout",
                            "https://relais.example/problems/service-unavailable"));
            List<Timed> shed = during.stream().filter(t -> t.reply().status() == 503).toList();
            assertThat(shed).as("the circuit breaker opened").isNotEmpty()
                    .allSatisfy(t -> assertThat(t.reply().header("Retry-After")).hasValue("5"));
            // the open breaker does not call journey-service at all: its answers cannot have waited the budget out
            Duration slowestShed = shed.stream().map(Timed::took).max(Duration::compareTo).orElseThrow();
            assertThat(slowestShed).as("503s answered without waiting for journey-service").isLessThan(BUDGET);

            List<Duration> took = new ArrayList<>(during.stream().map(Timed::took).toList());
            Collections.sort(took);
            Duration p99 = took.get((int) Math.ceil(took.size() * 0.99) - 1);
            long timedOut = statuses.stream().filter(s -> s == 504).count();
            System.out.printf("%nslow journey-service (%d s late), %d callers x %d reads: %d x 504 (budget spent), %d x 503 "
                            + "(breaker open, slowest %d ms), p50 %d ms, p99 %d ms, max %d ms; reads back to 200 %d ms after it "
                            + "was quick%n", LATE.toSeconds(), CALLERS, READS_EACH, timedOut, shed.size(), slowestShed.toMillis(),
                    took.get(took.size() / 2).toMillis(), p99.toMillis(), took.get(took.size() - 1).toMillis(), recovery.toMillis());
            FaultsReport.row("journey-service answering " + LATE.toSeconds() + " s late",
                    CALLERS + " callers reading a journey, " + during.size() + " reads",
                    "0 / " + during.size() + " (" + timedOut + " x 504, " + shed.size() + " x 503 Retry-After) / 0",
                    "no commands in this phase", recovery.toMillis() + " ms after it was quick", p99.toMillis() + " ms");
        } finally {
            restart(gateway, Map.of());
        }
    }

    private static List<Timed> readConcurrently(String path) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        try {
            List<Future<List<Timed>>> futures = new ArrayList<>();
            for (int c = 0; c < CALLERS; c++) {
                futures.add(callers.submit(() -> {
                    List<Timed> mine = new ArrayList<>();
                    for (int i = 0; i < READS_EACH; i++) {
                        Instant sent = Instant.now();
                        Reply reply = Api.as(CAMILLE).get(path);
                        mine.add(new Timed(reply, Duration.between(sent, Instant.now())));
                    }
                    return mine;
                }));
            }
            List<Timed> all = new ArrayList<>();
            for (Future<List<Timed>> future : futures) {
                all.addAll(future.get());
            }
            return all;
        } finally {
            callers.shutdownNow();
        }
    }

    private static void restart(ServiceProcess gateway, Map<String, String> extra) {
        gateway.stop();
        gateway.start(extra);
        gateway.awaitReady(Duration.ofSeconds(90));
    }
}
