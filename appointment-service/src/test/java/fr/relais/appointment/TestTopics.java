package fr.relais.appointment;

import fr.relais.events.Topics;
import fr.relais.testsupport.KafkaTopics;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** The appointment-service suite's own topics ("at." prefix, as %test config says), created before Quarkus starts. */
public class TestTopics implements QuarkusTestResourceLifecycleManager {

    public static final String PREFIX = "at.";

    public static String of(String logical) {
        return PREFIX + logical;
    }

    @Override
    public Map<String, String> start() {
        KafkaTopics.ensure(Topics.JOURNEY_KEYED_PARTITIONS, of(Topics.APPOINTMENT_EVENTS), of(Topics.JOURNEY_EVENTS),
                of(Topics.MEDIATION_EVENTS), of(Topics.NOTIFICATION_EVENTS));
        KafkaTopics.ensure(Topics.DLQ_PARTITIONS, of(Topics.dlq(Topics.APPOINTMENT_EVENTS)), of(Topics.dlq(Topics.JOURNEY_EVENTS)),
                of(Topics.dlq(Topics.MEDIATION_EVENTS)), of(Topics.dlq(Topics.NOTIFICATION_EVENTS)));
        return Map.of();
    }

    @Override
    public void stop() {
    }
}
