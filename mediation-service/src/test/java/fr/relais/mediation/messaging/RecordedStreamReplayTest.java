package fr.relais.mediation.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import fr.relais.events.Topics;
import fr.relais.events.channel.Channel;
import fr.relais.events.channel.Touchpoint;
import fr.relais.events.channel.TouchpointKind;
import fr.relais.events.journey.Escalate;
import fr.relais.events.mediation.MediationCaseOpened;
import fr.relais.mediation.Bus;
import fr.relais.mediation.Db;
import fr.relais.mediation.TestTopics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A recorded morning of touchpoints (src/test/resources/streams/demo-morning.jsonl) replayed through the
 * real Kafka opens exactly the expected cases with the expected explanations; replayed a second time,
 * it opens nothing more. Journey aliases get fresh ids per run; touchpoint ids are derived from the run
 * and the line id, so the replay carries the same touchpoints, as a redelivery would.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class RecordedStreamReplayTest {

    static Bus bus;

    @BeforeAll
    static void connect() {
        bus = new Bus();
    }

    @AfterAll
    static void disconnect() throws Exception {
        bus.close();
    }

    record Expected(String pool, String priority, List<String> kinds) {
    }

    static final Map<String, Expected> EXPECTED = Map.of(
            "struggling-form", new Expected("93", "normal", List.of("validation-error")),
            "ping-pong", new Expected("93", "high", List.of("call-dropped", "channel-ping-pong", "validation-error")),
            "help", new Expected("23", "high", List.of("help-requested")));
    static final List<String> NO_CASE = List.of("calm", "decayed");

    static List<Touchpoint> load(String run, Map<String, UUID> journeys, Instant start) throws IOException {
        List<Touchpoint> stream = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                RecordedStreamReplayTest.class.getResourceAsStream("/streams/demo-morning.jsonl")), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = Bus.tree(line);
                UUID journey = journeys.computeIfAbsent(node.get("journey").asText(), alias -> UUID.randomUUID());
                stream.add(new Touchpoint(UUID.nameUUIDFromBytes((run + node.get("id").asText()).getBytes(StandardCharsets.UTF_8)),
                        journey, TouchpointKind.fromWire(node.get("kind").asText()), node.get("step").asText(),
                        Channel.fromWire(node.get("channel").asText()), node.hasNonNull("site") ? node.get("site").asText() : null,
                        node.get("count").asInt(), start.plusSeconds(node.get("at").asLong())));
            }
        }
        return stream;
    }

    @Test
    void theRecordedMorningOpensExactlyTheExpectedCasesAndItsReplayNothingMore() throws IOException {
        String run = UUID.randomUUID().toString();
        Map<String, UUID> journeys = new LinkedHashMap<>();
        List<Touchpoint> stream = load(run, journeys, Instant.now().minus(Duration.ofHours(4)).truncatedTo(ChronoUnit.MILLIS));
        stream.forEach(bus::touch);

        await().atMost(Duration.ofSeconds(30)).until(() -> EXPECTED.keySet().stream()
                .allMatch(alias -> bus.mediationOf(journeys.get(alias), MediationCaseOpened.class).size() == 1));
        awaitAllStored(stream);
        EXPECTED.forEach((alias, expected) -> {
            MediationCaseOpened opened = Bus.read(bus.mediationOf(journeys.get(alias), MediationCaseOpened.class).get(0),
                    MediationCaseOpened.class);
            assertThat(opened.pool()).as(alias).isEqualTo(expected.pool());
            assertThat(opened.priority()).as(alias).isEqualTo(expected.priority());
            assertThat(opened.signalKinds()).as(alias).containsExactlyInAnyOrderElementsOf(expected.kinds());
            assertThat(opened.score()).as(alias).isGreaterThanOrEqualTo(opened.threshold());
            assertThat(bus.commandsOf(journeys.get(alias), Escalate.class)).as(alias).hasSize(1);
        });
        NO_CASE.forEach(alias -> assertThat(Db.count("select count(*) from mediation_case where journey_id = ?",
                journeys.get(alias))).as(alias).isZero());

        // replayed: same touchpoints, new record ids
        stream.forEach(bus::touch);
        // a marker after the replay on every journey (its partition): once all are stored, the replay was handled
        List<String> markers = new ArrayList<>();
        for (UUID journey : journeys.values()) {
            Touchpoint marker = Bus.touchpoint(journey, TouchpointKind.STEP_VIEWED, "marker", Channel.PORTAL, null,
                    stream.get(0).occurredAt());
            bus.touch(marker);
            markers.add("'touchpoint:" + marker.touchpointId() + "'");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.count("select count(*) from signal where source_id in ("
                + String.join(",", markers) + ")") == markers.size());
        for (UUID journey : journeys.values()) {
            long cases = Db.count("select count(*) from mediation_case where journey_id = ?", journey);
            assertThat(cases).isLessThanOrEqualTo(1);
        }
        assertThat(journeys.values().stream().mapToLong(j -> bus.commandsOf(j, Escalate.class).size()).sum()).isEqualTo(3);
        assertThat(Db.count("select count(*) from signal where source_id in ("
                + String.join(",", stream.stream().map(t -> "'touchpoint:" + t.touchpointId() + "'").toList()) + ")"))
                .isEqualTo(stream.size());
    }

    private static void awaitAllStored(List<Touchpoint> stream) {
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.count("select count(*) from signal where source_id in ("
                + String.join(",", stream.stream().map(t -> "'touchpoint:" + t.touchpointId() + "'").toList()) + ")") == stream.size());
    }
}
