package fr.relais.system.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import fr.relais.system.harness.Api;
import fr.relais.system.harness.Journeys;
import fr.relais.system.harness.RelaisSystem;
import fr.relais.system.harness.Reply;
import fr.relais.system.harness.ServiceProcess;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static fr.relais.testsupport.DemoUser.CAMILLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * journey-service dies (SIGKILL) in the middle of a burst of commands and comes back: every command the gateway
 * acknowledged is applied exactly once, even when the client retries it with its Idempotency-Key.
 */
@ExtendWith(RelaisSystem.class)
@Order(60)
class CrashTest {

    private static final int JOURNEYS = 24;
    private static final int KILL_AFTER = 8;
    private static final Map<String, String> IDENTITE = Map.of("nom", "Martin", "prenoms", "Camille", "date-naissance", "1984-03-12");

    /** One command of the burst: the gateway's answer, or none when the connection broke before it came. */
    private record Sent(UUID journey, String key, Reply reply, String transportFailure) {
    }

    /**
     * A broken connection is the network's, not the gateway's: the client does not know whether its command went,
     * so it retries with the same key, as below. A request the gateway left unanswered for the client's whole
     * timeout is not excused.
     */
    private static Sent send(UUID journey, String key) {
        try {
            return new Sent(journey, key, Api.as(CAMILLE).post("/api/portal/journeys/" + journey + "/steps/identite",
                    Map.of("answers", IDENTITE), key), null);
        } catch (IllegalStateException e) {
            if (!(e.getCause() instanceof IOException) || e.getCause() instanceof HttpTimeoutException) {
                throw e;
            }
            return new Sent(journey, key, null, e.getMessage());
        }
    }

    @Test
    void everyAcknowledgedCommandIsAppliedExactlyOnceAcrossAKill() throws Exception {
        List<UUID> journeys = new ArrayList<>();
        for (int i = 0; i < JOURNEYS; i++) {
            journeys.add(Journeys.start(CAMILLE, "changement-adresse"));
        }
        ServiceProcess journeyService = RelaisSystem.services().journey();
        AtomicInteger answered = new AtomicInteger();
        CompletableFuture<Void> crash = new CompletableFuture<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<CompletableFuture<Sent>> burst = new ArrayList<>();
        try {
            for (UUID journey : journeys) {
                burst.add(CompletableFuture.supplyAsync(() -> {
                    Sent s = send(journey, "crash-" + journey);
                    if (answered.incrementAndGet() == KILL_AFTER) {
                        journeyService.kill();
                        crash.complete(null);
                    }
                    return s;
                }, pool));
            }
            List<Sent> sent = new ArrayList<>();
            for (CompletableFuture<Sent> f : burst) {
                sent.add(f.get());
            }
            assertThat(crash).as("journey-service was killed during the burst").isDone();
            journeyService.start(Map.of());
            journeyService.awaitReady(Duration.ofSeconds(120));

            int acknowledged = 0;
            for (Sent s : sent) {
                if (s.reply() == null) {
                    System.out.println("CrashTest: no answer for " + s.key() + ", retried with its key: " + s.transportFailure());
                } else {
                    assertThat(s.reply().status()).as("the gateway acknowledges or answers, never loses: " + s.reply().raw()).isIn(200, 202);
                    acknowledged++;
                }
                // the client retries with the same key after the crash: the same outcome, applied once
                Reply retry = await("outcome of " + s.key()).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                        .until(() -> Api.as(CAMILLE).post("/api/portal/journeys/" + s.journey() + "/steps/identite",
                                Map.of("answers", IDENTITE), s.key()), r -> r.status() != 202);
                assertThat(retry.status()).as(retry.raw()).isEqualTo(200);
            }
            assertThat(acknowledged).as("commands the gateway answered during the burst").isGreaterThan(KILL_AFTER);
            for (UUID journey : journeys) {
                JsonNode view = Journeys.read(CAMILLE, "portal", journey);
                long completed = 0;
                for (JsonNode entry : view.get("timeline")) {
                    if (entry.get("what").asText().equals("step-completed")) {
                        completed++;
                    }
                }
                assertThat(completed).as("identite completed exactly once on " + journey + ": " + view.get("timeline")).isEqualTo(1);
                assertThat(view.get("currentStep").asText()).isEqualTo("nouvelle-adresse");
                assertThat(view.get("version").asLong()).isEqualTo(view.get("timeline").size());
            }
        } finally {
            pool.shutdownNow();
            if (!journeyService.running()) { // the suite goes on with a live journey-service whatever happened here
                journeyService.start(Map.of());
                journeyService.awaitReady(Duration.ofSeconds(120));
            }
        }
    }
}
