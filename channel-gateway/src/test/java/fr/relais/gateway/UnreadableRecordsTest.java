package fr.relais.gateway;

import fr.relais.events.Topics;
import fr.relais.testsupport.ServiceEndpointsContract;
import fr.relais.testsupport.TopicSender;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway's broadcast consumers skip what they cannot read (each instance has its own group: parking there
 * would park the record once per instance) and count it, so a poisoned topic shows on the gateway too.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class UnreadableRecordsTest {

    @Test
    void anUnreadableOutcomeOrEventIsCountedAndTheConsumersGoOn() {
        double outcomesBefore = skipped("journey.outcomes");
        double eventsBefore = skipped("journey.events");
        try (TopicSender sender = new TopicSender()) {
            sender.send(TestTopics.of(Topics.JOURNEY_OUTCOMES), UUID.randomUUID().toString(), Map.of(), "{not json");
            sender.send(TestTopics.of(Topics.JOURNEY_EVENTS), UUID.randomUUID().toString(),
                    Map.of("ce_type", "relais.journey.step-completed.v1"), "{\"journeyId\":\"not-a-uuid\"}");
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(skipped("journey.outcomes")).isGreaterThan(outcomesBefore);
            assertThat(skipped("journey.events")).isGreaterThan(eventsBefore);
        });
        ServiceEndpointsContract.management().get("/q/health/ready").then().statusCode(200);
    }

    private static double skipped(String topic) {
        String metrics = ServiceEndpointsContract.management().get("/q/metrics").asString();
        Matcher found = Pattern.compile("relais_gateway_unreadable_records_total\\{[^}]*topic=\"" + Pattern.quote(topic) + "\"[^}]*} (\\S+)")
                .matcher(metrics);
        return found.find() ? Double.parseDouble(found.group(1)) : 0;
    }
}
