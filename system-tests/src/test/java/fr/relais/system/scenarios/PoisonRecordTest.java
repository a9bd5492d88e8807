package fr.relais.system.scenarios;

import fr.relais.events.CloudEventHeaders;
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
import java.util.Map;
import java.util.UUID;

import static fr.relais.testsupport.DemoUser.CAMILLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A record nobody can read (a broken producer, a bad deploy) is parked on its topic's dead-letter topic with
 * the reason, unchanged, and the services go on serving: nothing lost, nothing stuck.
 */
@ExtendWith(RelaisSystem.class)
@Order(70)
class PoisonRecordTest {

    @Test
    void unreadableCommandsAndTouchpointsAreParkedWithTheirReasonAndTheJourneysGoOn() throws Exception {
        String prefix = RelaisSystem.TOPIC_PREFIX;
        String badCommandKey = UUID.randomUUID().toString();
        String badTouchpointKey = UUID.randomUUID().toString();
        try (TopicCollector commandsDlq = new TopicCollector(prefix + "journey.commands.dlq");
             TopicCollector touchpointsDlq = new TopicCollector(prefix + "channel.touchpoints.dlq");
             TopicSender sender = new TopicSender()) {
            sender.send(prefix + "journey.commands", badCommandKey, headers("relais.journey.command.submit-step.v1", badCommandKey),
                    "{\"commandId\": not json");
            sender.send(prefix + "channel.touchpoints", badTouchpointKey, headers("relais.channel.touchpoint.v1", badTouchpointKey),
                    "{\"kind\":\"no-such-kind\"}");

            await("the bad command parked with its reason").atMost(Duration.ofSeconds(20))
                    .until(() -> commandsDlq.forKey(badCommandKey), found -> !found.isEmpty());
            await("the bad touchpoint parked with its reason").atMost(Duration.ofSeconds(20))
                    .until(() -> touchpointsDlq.forKey(badTouchpointKey), found -> !found.isEmpty());
            TopicCollector.Received parkedCommand = commandsDlq.forKey(badCommandKey).get(0);
            assertThat(parkedCommand.value()).isEqualTo("{\"commandId\": not json");
            assertThat(parkedCommand.header(CloudEventHeaders.DLQ_REASON_HEADER)).isNotBlank();
            assertThat(touchpointsDlq.forKey(badTouchpointKey).get(0).header(CloudEventHeaders.DLQ_REASON_HEADER)).isNotBlank();
        }
        // operations see them: Prometheus scraped both services' dead-letter counters
        for (String counted : new String[] {"journey-service\", topic=\"journey.commands", "mediation-service\", topic=\"channel.touchpoints"}) {
            String expr = "sum(relais_dlq_records_total{service=\"" + counted + "\"}) >= 1";
            await("Prometheus sees " + expr).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> PrometheusApi.local().query(expr, Instant.now()).series() > 0);
        }
        // the partitions keep flowing: a new journey is served as usual
        UUID journey = Journeys.start(CAMILLE, "changement-adresse");
        assertThat(Journeys.read(CAMILLE, "portal", journey).get("status").asText()).isEqualTo("IN_PROGRESS");
    }

    private static Map<String, String> headers(String type, String subject) {
        return Map.of(CloudEventHeaders.ID, UUID.randomUUID().toString(), CloudEventHeaders.SOURCE, "a-broken-producer",
                CloudEventHeaders.TYPE, type, CloudEventHeaders.SUBJECT, subject, CloudEventHeaders.SPEC_VERSION, "1.0",
                CloudEventHeaders.TIME, Instant.now().toString());
    }
}
