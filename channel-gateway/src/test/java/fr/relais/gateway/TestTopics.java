package fr.relais.gateway;

import fr.relais.events.Topics;
import fr.relais.testsupport.KafkaTopics;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** The gateway suite's own topics ("gt." prefix, as %test config says), created before Quarkus starts. */
public class TestTopics implements QuarkusTestResourceLifecycleManager {

    public static String of(String logical) {
        return "gt." + logical;
    }

    @Override
    public Map<String, String> start() {
        KafkaTopics.ensure(Topics.JOURNEY_KEYED_PARTITIONS, of(Topics.JOURNEY_COMMANDS), of(Topics.JOURNEY_OUTCOMES),
                of(Topics.JOURNEY_EVENTS), of(Topics.CHANNEL_TOUCHPOINTS));
        return Map.of();
    }

    @Override
    public void stop() {
    }
}
