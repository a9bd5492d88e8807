package fr.relais.system.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import fr.relais.system.harness.Api;
import fr.relais.system.harness.Journeys;
import fr.relais.system.harness.RelaisSystem;
import fr.relais.system.harness.Reply;
import fr.relais.testsupport.DemoUser;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import static fr.relais.testsupport.DemoUser.AGNES;
import static fr.relais.testsupport.DemoUser.CAMILLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The citizen on the portal and the agent at the desk act on one journey at the same instant, round after
 * round: each request gets a definite answer, each accepted one is in the timeline exactly once, in one order.
 */
@ExtendWith(RelaisSystem.class)
@Order(50)
class ConcurrencyTest {

    private static final int ROUNDS = 25;
    private static final Map<String, String> IDENTITE = Map.of("nom", "Martin", "prenoms", "Camille", "date-naissance", "1984-03-12");

    @Test
    void portalAndDeskAtTheSameInstantLoseNothingAndDoubleNothing() throws Exception {
        UUID journey = Journeys.start(CAMILLE, "changement-adresse");
        Map<String, Integer> accepted = new HashMap<>(Map.of("journey-started", 1));
        Set<Long> versions = new HashSet<>(Set.of(1L));
        count(Api.as(CAMILLE).post("/api/portal/journeys/" + journey + "/steps/identite", Map.of("answers", IDENTITE)),
                "step-completed", accepted, versions);
        String code = Journeys.read(CAMILLE, "portal", journey).get("resumeCode").asText();
        // Camille is at the Aubervilliers desk today (a walk-in): the agent may claim her journey at any moment
        Api.as(AGNES).post("/api/desk/check-in", Map.of("resumeCode", code, "checkValue", "1984-03-12")).expect(200);
        accepted.put("presence-recorded", 1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String current = Journeys.read(CAMILLE, "portal", journey).get("currentStep").asText();
                String citizenMove = current.equals("identite") ? "step-completed" : "went-back";
                CyclicBarrier sameInstant = new CyclicBarrier(2);
                CompletableFuture<Reply> citizen = CompletableFuture.supplyAsync(atOnce(sameInstant, () -> citizenMove.equals("step-completed")
                        ? Api.as(CAMILLE).post("/api/portal/journeys/" + journey + "/steps/identite", Map.of("answers", IDENTITE))
                        : Api.as(CAMILLE).post("/api/portal/journeys/" + journey + "/back", Map.of("toStepId", "identite"))), pool);
                CompletableFuture<Reply> agent = CompletableFuture.supplyAsync(atOnce(sameInstant,
                        () -> Api.as(AGNES).post("/api/desk/journeys/" + journey + "/claim", Map.of())), pool);

                count(definite(CAMILLE, citizen.get()), citizenMove, accepted, versions);
                if (count(definite(AGNES, agent.get()), "journey-claimed", accepted, versions)) {
                    count(definite(AGNES, Api.as(AGNES).post("/api/desk/journeys/" + journey + "/release", Map.of())), "journey-released",
                            accepted, versions);
                }
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(accepted.getOrDefault("journey-claimed", 0)).as("the agent won some rounds").isPositive();
        JsonNode timeline = Journeys.read(CAMILLE, "portal", journey).get("timeline");
        List<Long> sequences = new ArrayList<>();
        Map<String, Integer> recorded = new HashMap<>();
        for (JsonNode entry : timeline) {
            sequences.add(entry.get("sequence").asLong());
            recorded.merge(entry.get("what").asText(), 1, Integer::sum);
        }
        assertThat(sequences).as("one order, no gap, no repeat").containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, sequences.size()).boxed().toList());
        for (String what : List.of("journey-started", "step-completed", "went-back", "presence-recorded", "journey-claimed",
                "journey-released")) {
            assertThat(recorded.getOrDefault(what, 0)).as(what + ": accepted answers vs timeline entries " + recorded)
                    .isEqualTo(accepted.getOrDefault(what, 0));
        }
        assertThat(versions).as("each accepted command has its own place in the order")
                .hasSize(accepted.values().stream().mapToInt(i -> i).sum() - accepted.get("presence-recorded"));
        assertThat(sequences).as("nothing else happened to the journey").hasSize(accepted.values().stream().mapToInt(i -> i).sum());
    }

    private static <T> Supplier<T> atOnce(CyclicBarrier barrier, Supplier<T> action) {
        return () -> {
            try {
                barrier.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return action.get();
        };
    }

    /** A 202 is not an answer yet: poll the command until its outcome is known, as a client must. */
    private static Reply definite(DemoUser user, Reply reply) {
        if (reply.status() != 202) {
            return reply;
        }
        String poll = reply.body().get("poll").asText();
        return await("outcome of " + poll).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> Api.as(user).get(poll), r -> r.status() != 202);
    }

    /** Counts an accepted command under the event it must have produced; a refusal must name its reason. */
    private static boolean count(Reply reply, String what, Map<String, Integer> accepted, Set<Long> versions) {
        if (reply.status() == 200) {
            accepted.merge(what, 1, Integer::sum);
            versions.add(reply.body().get("version").asLong());
            return true;
        }
        assertThat(reply.status()).as(reply.request() + " " + reply.raw()).isBetween(400, 499);
        assertThat(reply.reason()).as("a refusal names its reason: " + reply.raw()).isNotBlank();
        return false;
    }
}
