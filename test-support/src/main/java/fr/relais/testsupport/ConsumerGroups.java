package fr.relais.testsupport;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A positive marker for "the service has handled this record": its consumer group committed an offset past it.
 * Tests that assert that a record changed nothing (a redelivery, a duplicate) wait for this instead of sleeping.
 */
public final class ConsumerGroups {

    private ConsumerGroups() {
    }

    /** Waits until {@code group} has committed past {@code sent} (commits are throttled: allow several seconds). */
    public static void awaitConsumed(String group, RecordMetadata sent, Duration atMost) {
        TopicPartition partition = new TopicPartition(sent.topic(), sent.partition());
        try (Admin admin = Admin.create(Stack.kafkaClient(Map.of()))) {
            await(group + " consumed " + partition + "@" + sent.offset()).atMost(atMost).pollInterval(Duration.ofMillis(250))
                    .until(() -> committed(admin, group, partition) > sent.offset());
        }
    }

    private static long committed(Admin admin, String group, TopicPartition partition) throws Exception {
        OffsetAndMetadata offset = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                .get(10, TimeUnit.SECONDS).get(partition);
        return offset == null ? -1 : offset.offset();
    }
}
