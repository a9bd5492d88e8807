package fr.relais.testsupport;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A positive marker for "the service has handled this record": its consumer group committed an offset past it.
 * Tests that assert that a record changed nothing (a redelivery, a duplicate) wait for this instead of sleeping.
 * And one for "the group will not rebalance under a test's record": all its consumers joined and assigned.
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

    /**
     * Waits until {@code group} is stable with {@code members} consumers whose client id names {@code channel} and every
     * partition of {@code topic} assigned: a record sent before that can be read twice, once before and once after the
     * rebalance that the next joining consumer causes.
     */
    public static void awaitSettled(String group, String channel, int members, String topic, int partitions, Duration atMost) {
        try (Admin admin = Admin.create(Stack.kafkaClient(Map.of()))) {
            await(group + " settled on " + topic).atMost(atMost).pollInterval(Duration.ofMillis(250)).until(() -> {
                ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all()
                        .get(10, TimeUnit.SECONDS).get(group);
                long channelMembers = description.members().stream().filter(m -> m.clientId().contains(channel)).count();
                long assigned = description.members().stream().flatMap(m -> m.assignment().topicPartitions().stream())
                        .filter(partition -> partition.topic().equals(topic)).count();
                return description.groupState() == GroupState.STABLE && channelMembers == members && assigned == partitions;
            });
        }
    }

    private static long committed(Admin admin, String group, TopicPartition partition) throws Exception {
        OffsetAndMetadata offset = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                .get(10, TimeUnit.SECONDS).get(partition);
        return offset == null ? -1 : offset.offset();
    }
}
