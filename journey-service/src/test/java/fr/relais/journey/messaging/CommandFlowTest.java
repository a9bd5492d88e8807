package fr.relais.journey.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import fr.relais.events.CloudEventHeaders;
import fr.relais.events.channel.Channel;
import fr.relais.events.journey.ClaimJourney;
import fr.relais.events.journey.JourneyClaimed;
import fr.relais.events.journey.CommandOutcome;
import fr.relais.events.journey.Actor;
import fr.relais.events.journey.GrantMandate;
import fr.relais.events.journey.JourneyStarted;
import fr.relais.events.journey.MandateDuration;
import fr.relais.events.journey.RequestHandoff;
import fr.relais.events.journey.StartJourney;
import fr.relais.events.journey.SubmitStep;
import fr.relais.journey.TestTopics;
import fr.relais.testsupport.TopicCollector;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** journey-service against the real Kafka and PostgreSQL: commands in, outcomes and events out. */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class CommandFlowTest {

    static CommandBus bus;

    @BeforeAll
    static void connect() {
        bus = new CommandBus();
    }

    @AfterAll
    static void disconnect() throws Exception {
        bus.close();
    }

    static UUID start(UUID journeyId) {
        StartJourney start = new StartJourney(UUID.randomUUID(), journeyId, CommandBus.CAMILLE, Instant.now(), "cni-renouvellement");
        bus.send(start);
        assertThat(bus.outcomeOf(start.commandId()).path("status").asText()).isEqualTo("ACCEPTED");
        return journeyId;
    }

    static SubmitStep identite(UUID journeyId) {
        return CommandBus.submitStep(UUID.randomUUID(), journeyId, CommandBus.CAMILLE, "identite",
                Map.of("nom", "Martin", "prenoms", "Camille", "date-naissance", "1984-03-12",
                        "commune-naissance", "Aubervilliers"));
    }

    @Test
    void aCommandProducesItsEventsAndItsOutcome() {
        UUID journeyId = UUID.randomUUID();
        StartJourney start = new StartJourney(UUID.randomUUID(), journeyId, CommandBus.CAMILLE, Instant.now(), "cni-renouvellement");
        bus.send(start);

        JsonNode outcome = bus.outcomeOf(start.commandId());
        assertThat(outcome.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(outcome.path("journeyStatus").asText()).isEqualTo("IN_PROGRESS");
        assertThat(outcome.path("version").asLong()).isEqualTo(1);

        TopicCollector.Received started = await().atMost(Duration.ofSeconds(20))
                .until(() -> bus.eventsOf(journeyId), list -> !list.isEmpty()).get(0);
        assertThat(started.header(CloudEventHeaders.TYPE)).isEqualTo(CommandBus.typeOf(JourneyStarted.class));
        assertThat(started.header(CloudEventHeaders.SUBJECT)).isEqualTo(journeyId.toString());
        assertThat(started.header(CloudEventHeaders.ID)).isEqualTo(outcome.path("eventIds").get(0).asText());
        assertThat(started.header(CloudEventHeaders.CAUSATION_ID)).isNotBlank();
        assertThat(CommandBus.read(started.value()).path("procedureId").asText()).isEqualTo("cni-renouvellement");
    }

    @Test
    void formAnswersNeverReachKafka() {
        UUID journeyId = start(UUID.randomUUID());
        SubmitStep submit = identite(journeyId);
        bus.send(submit);

        assertThat(bus.outcomeOf(submit.commandId()).path("status").asText()).isEqualTo("ACCEPTED");
        await().atMost(Duration.ofSeconds(20)).until(() -> bus.eventsOf(journeyId).size() >= 2);
        for (TopicCollector.Received event : bus.eventsOf(journeyId)) {
            assertThat(event.value()).doesNotContain("Martin", "1984-03-12", "Aubervilliers");
        }
    }

    @Test
    void theSameCommandTwiceIsAppliedOnceAndAnsweredTwice() {
        UUID journeyId = start(UUID.randomUUID());
        SubmitStep submit = identite(journeyId);
        bus.send(submit);
        bus.send(submit);

        List<JsonNode> outcomes = await().atMost(Duration.ofSeconds(20))
                .until(() -> bus.outcomesOf(submit.commandId()), list -> list.size() == 2);
        assertThat(outcomes.get(1).path("eventIds")).isEqualTo(outcomes.get(0).path("eventIds"));
        assertThat(outcomes.get(1).path("version")).isEqualTo(outcomes.get(0).path("version"));
        bus.awaitEventsQuiet();
        assertThat(bus.eventsOf(journeyId)).as("started + step-completed, nothing more").hasSize(2);
    }

    @Test
    void invalidAnswersAreRejectedNamingEachField() {
        UUID journeyId = start(UUID.randomUUID());
        SubmitStep submit = CommandBus.submitStep(UUID.randomUUID(), journeyId, CommandBus.CAMILLE, "identite",
                Map.of("nom", "Martin", "date-naissance", "12/03/1984"));
        bus.send(submit);

        JsonNode outcome = bus.outcomeOf(submit.commandId());
        assertThat(outcome.path("status").asText()).isEqualTo("REJECTED");
        assertThat(outcome.path("reason").asText()).isEqualTo("field-invalid");
        List<String> fields = outcome.path("fieldErrors").findValuesAsText("field");
        assertThat(fields).contains("prenoms", "date-naissance", "commune-naissance").doesNotContain("nom");
        assertThat(outcome.toString()).doesNotContain("12/03/1984");
    }

    @Test
    void aStepIdWithANulCharacterIsRejectedAndItsOutcomeStoredNotParked() {
        UUID journeyId = start(UUID.randomUUID());
        // the step id comes from the request path; PostgreSQL's jsonb refuses U+0000 in the stored outcome's detail
        SubmitStep submit = CommandBus.submitStep(UUID.randomUUID(), journeyId, CommandBus.CAMILLE, "ident\u0000ite", Map.of("nom", "Martin"));
        bus.send(submit);

        JsonNode outcome = bus.outcomeOf(submit.commandId());
        assertThat(outcome.path("status").asText()).isEqualTo("REJECTED");
        assertThat(outcome.path("reason").asText()).isEqualTo("unknown-step");
        assertThat(outcome.path("detail").asText()).contains("ident\uFFFDite").doesNotContain("\u0000");
    }

    @Test
    void aCommandOnAnUnknownJourneyIsRejected() {
        SubmitStep submit = identite(UUID.randomUUID());
        bus.send(submit);
        JsonNode outcome = bus.outcomeOf(submit.commandId());
        assertThat(outcome.path("status").asText()).isEqualTo("REJECTED");
        assertThat(outcome.path("reason").asText()).isEqualTo("unknown-journey");
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheNextRecordIsStillProcessed() {
        UUID journeyId = UUID.randomUUID();
        bus.sendRaw(journeyId.toString(), CommandBus.headersFor(CommandBus.typeOf(StartJourney.class), journeyId), "{not json");
        bus.sendRaw(journeyId.toString(), CommandBus.headersFor("relais.journey.command.teleport.v1", journeyId), "{}");
        start(journeyId);

        List<TopicCollector.Received> parked = await().atMost(Duration.ofSeconds(20))
                .until(() -> bus.deadLetters.forKey(journeyId.toString()), list -> list.size() == 2);
        assertThat(parked.get(0).header(CloudEventHeaders.DLQ_REASON_HEADER)).contains("unreadable");
        assertThat(parked.get(0).value()).isEqualTo("{not json");
        assertThat(parked.get(1).header(CloudEventHeaders.DLQ_REASON_HEADER)).contains("unknown CloudEvents type");
    }

    @Test
    void aDeskClaimAndAPortalSubmitAtOnceAreSerialisedWithoutLostUpdate() {
        UUID journeyId = start(UUID.randomUUID());
        SubmitStep first = identite(journeyId);
        bus.send(first);
        RequestHandoff handoff = new RequestHandoff(UUID.randomUUID(), journeyId, CommandBus.CAMILLE, Instant.now(),
                Channel.DESK, "fs-aubervilliers", "needs-help");
        bus.send(handoff);
        assertThat(bus.outcomeOf(handoff.commandId()).path("journeyStatus").asText()).isEqualTo("HANDOFF_PENDING");

        ClaimJourney claim = new ClaimJourney(UUID.randomUUID(), journeyId, CommandBus.AGNES, Instant.now());
        SubmitStep portal = CommandBus.submitStep(UUID.randomUUID(), journeyId, CommandBus.CAMILLE, "formulaire",
                Map.of("adresse", "12 rue des Lilas", "code-postal", "93300", "commune", "Aubervilliers",
                        "motif", "renouvellement-expiration"));
        Thread desk = new Thread(() -> bus.send(claim));
        desk.start();
        bus.send(portal);

        JsonNode claimed = bus.outcomeOf(claim.commandId());
        JsonNode submitted = bus.outcomeOf(portal.commandId());
        assertThat(claimed.path("status").asText()).isEqualTo("ACCEPTED");
        long finalVersion = Math.max(claimed.path("version").asLong(), submitted.path("version").asLong());
        // every accepted event is on the topic, in order, with contiguous sequences: nothing lost, nothing interleaved
        List<Long> sequences = await().atMost(Duration.ofSeconds(20))
                .until(() -> bus.eventsOf(journeyId).stream().map(r -> CommandBus.read(r.value()).path("sequence").asLong()).toList(),
                        list -> list.size() == finalVersion);
        assertThat(sequences).containsExactlyElementsOf(LongStream.rangeClosed(1, finalVersion).boxed().toList());
    }

    /** 50 agents of the site claim one handed-off journey at the same instant: exactly one gets it, once. */
    @Test
    void fiftyParallelClaimsGiveTheJourneyToExactlyOneAgent() throws Exception {
        UUID journeyId = start(UUID.randomUUID());
        bus.send(identite(journeyId));
        RequestHandoff handoff = new RequestHandoff(UUID.randomUUID(), journeyId, CommandBus.CAMILLE, Instant.now(),
                Channel.DESK, "fs-aubervilliers", "needs-help");
        bus.send(handoff);
        assertThat(bus.outcomeOf(handoff.commandId()).path("journeyStatus").asText()).isEqualTo("HANDOFF_PENDING");

        List<ClaimJourney> claims = java.util.stream.IntStream.range(0, 50).mapToObj(i -> new ClaimJourney(UUID.randomUUID(),
                journeyId, new Actor(UUID.randomUUID().toString(), java.util.Set.of("counter-agent"), "fs-aubervilliers",
                Channel.DESK), Instant.now())).toList();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(50);
        java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);
        try {
            List<java.util.concurrent.Future<?>> sent = claims.stream().map(claim -> pool.submit(() -> {
                ready.await();
                bus.send(claim);
                return null;
            })).collect(java.util.stream.Collectors.toList());
            ready.countDown();
            for (java.util.concurrent.Future<?> future : sent) {
                future.get(20, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        List<JsonNode> outcomes = claims.stream().map(claim -> bus.outcomeOf(claim.commandId())).toList();
        assertThat(outcomes.stream().filter(o -> o.path("status").asText().equals("ACCEPTED")).count()).isEqualTo(1);
        assertThat(outcomes.stream().filter(o -> o.path("status").asText().equals("REJECTED")).map(o -> o.path("reason").asText()))
                // once claimed, the journey left the site's queue: the others no longer have a reason to touch it
                .hasSize(49).isSubsetOf(CommandOutcome.REASON_ALREADY_CLAIMED, "presence-required");
        // rejections write no event: once the accepted claim's event is there, no other can follow
        String claimed = CommandBus.typeOf(JourneyClaimed.class);
        assertThat(await().atMost(Duration.ofSeconds(10)).until(() -> bus.eventsOf(journeyId).stream()
                        .filter(r -> claimed.equals(r.headers().get(CloudEventHeaders.TYPE))).count(), count -> count >= 1))
                .as("one JourneyClaimed event").isEqualTo(1);
    }

    /** Sites come from relais.sites: free text in a site or a reason never reaches journey.events. */
    @Test
    void unknownSitesAndReasonsAreRejectedBeforeAnyEvent() {
        UUID journeyId = start(UUID.randomUUID());
        RequestHandoff toNowhere = new RequestHandoff(UUID.randomUUID(), journeyId, CommandBus.CAMILLE, Instant.now(),
                Channel.DESK, "fs-nowhere", "needs-help");
        RequestHandoff freeText = new RequestHandoff(UUID.randomUUID(), journeyId, CommandBus.CAMILLE, Instant.now(),
                Channel.DESK, "fs-aubervilliers", "ma-voisine-ne-peut-pas");
        GrantMandate mandate = new GrantMandate(UUID.randomUUID(), journeyId, CommandBus.CAMILLE, Instant.now(), "fs-nowhere",
                "cni-renouvellement", MandateDuration.ONE_DAY);
        bus.send(toNowhere);
        bus.send(freeText);
        bus.send(mandate);
        assertThat(bus.outcomeOf(toNowhere.commandId()).path("reason").asText()).isEqualTo("unknown-site");
        assertThat(bus.outcomeOf(freeText.commandId()).path("reason").asText()).isEqualTo("unknown-reason");
        assertThat(bus.outcomeOf(mandate.commandId()).path("reason").asText()).isEqualTo("unknown-site");
        RequestHandoff known = new RequestHandoff(UUID.randomUUID(), journeyId, CommandBus.CAMILLE, Instant.now(),
                Channel.DESK, "fs-aubusson", "documents-help");
        bus.send(known);
        assertThat(bus.outcomeOf(known.commandId()).path("version").asLong()).isEqualTo(2);
    }
}
