package fr.relais.mediation;

import fr.relais.events.Topics;
import fr.relais.testsupport.KafkaTopics;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** The mediation-service suite's own topics ("mt." prefix, as %test config says), created before Quarkus starts. */
public class TestTopics implements QuarkusTestResourceLifecycleManager {

    public static final String PREFIX = "mt.";

    public static String of(String logical) {
        return PREFIX + logical;
    }

    @Override
    public Map<String, String> start() {
        KafkaTopics.ensure(Topics.JOURNEY_KEYED_PARTITIONS,
                of(Topics.CHANNEL_TOUCHPOINTS), of(Topics.dlq(Topics.CHANNEL_TOUCHPOINTS)),
                of(Topics.JOURNEY_EVENTS), of(Topics.dlq(Topics.JOURNEY_EVENTS)),
                of(Topics.APPOINTMENT_EVENTS), of(Topics.dlq(Topics.APPOINTMENT_EVENTS)),
                of(Topics.JOURNEY_COMMANDS), of(Topics.MEDIATION_EVENTS));
        return Map.of();
    }

    @Override
    public void stop() {
    }
}
