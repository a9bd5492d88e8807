package fr.relais.system.scenarios;

import fr.relais.events.CloudEventHeaders;
import fr.relais.events.Topics;
import fr.relais.system.harness.FaultsReport;
import fr.relais.system.harness.Journeys;
import fr.relais.system.harness.RelaisSystem;
import fr.relais.system.ops.PrometheusApi;
import fr.relais.testsupport.TopicCollector;
import fr.relais.testsupport.TopicSender;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static fr.relais.testsupport.DemoUser.CAMILLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Poison on every topic the services consume through their inbox: a record nobody can read (a broken producer, a
 * bad deploy) is parked on its topic's dead-letter topic, unchanged, with the reason and the service that parked it,
 * and the services go on serving. Four kinds on each topic: an unknown type and a record over the size limit, which
 * every consumer of the topic parks; a body that is not JSON and one of the wrong shape, of a type the listed
 * consumers read, which they park. (journey.outcomes is read by the gateway only, which skips what it cannot read:
 * an outcome is also answered from journey-service's processed commands.)
 */
@ExtendWith(RelaisSystem.class)
@Order(70)
class PoisonRecordTest {

    /** A consumed topic, a type on it, the services that read every record (the type's readers among them). */
    private record Consumed(String topic, String type, Set<String> consumers, Set<String> readersOfType) {
    }

    private static final List<Consumed> TOPICS = List.of(
            new Consumed(Topics.JOURNEY_COMMANDS, "relais.journey.command.submit-step.v1",
                    Set.of("journey-service"), Set.of("journey-service")),
            new Consumed(Topics.JOURNEY_EVENTS, "relais.journey.journey-started.v1",
                    Set.of("appointment-service", "mediation-service", "notification-service"),
                    Set.of("appointment-service", "mediation-service", "notification-service")),
            new Consumed(Topics.APPOINTMENT_EVENTS, "relais.appointment.checked-in.v1",
                    Set.of("journey-service", "mediation-service", "notification-service"),
                    Set.of("journey-service", "notification-service")),
            new Consumed(Topics.MEDIATION_EVENTS, "relais.mediation.case-opened.v1",
                    Set.of("appointment-service", "notification-service"), Set.of("appointment-service", "notification-service")),
            new Consumed(Topics.NOTIFICATION_EVENTS, "relais.notification.sent.v1",
                    Set.of("appointment-service"), Set.of("appointment-service")),
            new Consumed(Topics.CHANNEL_TOUCHPOINTS, "relais.channel.touchpoint.v1",
                    Set.of("mediation-service"), Set.of("mediation-service")));

    /** Over the inbox's 256 KiB limit, under the broker's 1 MiB. */
    private static final String OVERSIZED = "{\"pad\":\"" + "x".repeat(300 * 1024) + "\"}";

    private record Sent(Consumed on, String kind, String key, String value, Set<String> parkedBy) {
    }

    @Test
    void poisonOnEveryConsumedTopicIsParkedWithItsReasonByEachConsumerAndTheJourneysGoOn() throws Exception {
        String prefix = RelaisSystem.TOPIC_PREFIX;
        Map<String, TopicCollector> dlqs = new HashMap<>();
        Map<String, Set<String>> dlqParkers = new HashMap<>();
        List<Sent> sent = new ArrayList<>();
        try (TopicSender sender = new TopicSender()) {
            for (Consumed consumed : TOPICS) {
                dlqs.put(consumed.topic(), new TopicCollector(prefix + Topics.dlq(consumed.topic())));
            }
            for (Consumed consumed : TOPICS) {
                String area = consumed.type().split("\\.")[1];
                sent.add(send(sender, consumed, "unknown type", "relais." + area + ".teleported.v1", "{}", consumed.consumers()));
                sent.add(send(sender, consumed, "oversized", consumed.type(), OVERSIZED, consumed.consumers()));
                sent.add(send(sender, consumed, "not JSON", consumed.type(), "{\"journeyId\": not json", consumed.readersOfType()));
                sent.add(send(sender, consumed, "wrong shape", consumed.type(), "{\"unexpected\":[1,2,3]}", consumed.readersOfType()));
            }
            for (Sent poison : sent) {
                TopicCollector dlq = dlqs.get(poison.on().topic());
                String what = poison.kind() + " on " + poison.on().topic();
                await(what + " parked by " + poison.parkedBy()).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                        .until(() -> parkers(dlq.forKey(poison.key())).containsAll(poison.parkedBy()));
                for (TopicCollector.Received parked : dlq.forKey(poison.key())) {
                    assertThat(parked.value()).as(what + ": parked unchanged").isEqualTo(poison.value());
                    assertThat(parked.header(CloudEventHeaders.DLQ_REASON_HEADER)).as(what + ": a reason").isNotBlank()
                            .doesNotContain("xxxxxxxx");
                    assertThat(parked.header(CloudEventHeaders.DLQ_ORIGIN_HEADER)).startsWith(prefix + poison.on().topic() + "/");
                }
                dlqParkers.put(poison.key(), parkers(dlq.forKey(poison.key())));
                if (poison.kind().equals("unknown type") || poison.kind().equals("oversized")) {
                    assertThat(parkers(dlq.forKey(poison.key()))).as(what + ": every consumer refuses it")
                            .isEqualTo(poison.on().consumers());
                }
            }
        } finally {
            for (TopicCollector dlq : dlqs.values()) {
                dlq.close();
            }
        }
        // operations see them: Prometheus scraped the dead-letter counters of every consumer
        for (Consumed consumed : TOPICS) {
            for (String service : consumed.consumers()) {
                String expr = "sum(relais_dlq_records_total{service=\"" + service + "\", topic=\"" + consumed.topic() + "\"}) >= 2";
                await("Prometheus sees " + expr).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> PrometheusApi.local().query(expr, Instant.now()).series() > 0);
            }
        }
        // the partitions keep flowing: a new journey is served as usual
        UUID journey = Journeys.start(CAMILLE, "changement-adresse");
        assertThat(Journeys.read(CAMILLE, "portal", journey).get("status").asText()).isEqualTo("IN_PROGRESS");
        int copies = 0;
        for (Sent poison : sent) {
            copies += dlqParkers.getOrDefault(poison.key(), Set.of()).size();
        }
        FaultsReport.row("poison records: unknown type, over 256 KiB, not JSON, wrong shape",
                sent.size() + " records on " + TOPICS.size() + " consumed topics",
                "parked " + copies + " copies (one per consumer that could not read it) / 0 failed",
                "0 lost (every one on its DLQ with its reason)", "no stop: a new journey served right after", "-");
    }

    private static Sent send(TopicSender sender, Consumed on, String kind, String type, String value, Set<String> parkedBy) {
        String key = UUID.randomUUID().toString();
        sender.send(RelaisSystem.TOPIC_PREFIX + on.topic(), key, headers(type, key), value);
        return new Sent(on, kind, key, value, parkedBy);
    }

    private static Set<String> parkers(List<TopicCollector.Received> parked) {
        return parked.stream().map(p -> p.header(CloudEventHeaders.DLQ_CONSUMER_HEADER)).collect(Collectors.toSet());
    }

    private static Map<String, String> headers(String type, String subject) {
        return Map.of(CloudEventHeaders.ID, UUID.randomUUID().toString(), CloudEventHeaders.SOURCE, "a-broken-producer",
                CloudEventHeaders.TYPE, type, CloudEventHeaders.SUBJECT, subject, CloudEventHeaders.SPEC_VERSION, "1.0",
                CloudEventHeaders.TIME, Instant.now().toString());
    }
}
