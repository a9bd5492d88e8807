package fr.relais.system.harness;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** How many records each dead-letter topic holds: the sum of its partitions' end offsets. */
public final class DeadLetters {

    private DeadLetters() {
    }

    public static Map<String, Long> endOffsets(Admin admin) throws Exception {
        var dlqs = admin.listTopics().names().get().stream().filter(topic -> topic.endsWith(".dlq")).toList();
        Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(dlqs).allTopicNames().get().values().stream()
                .flatMap(topic -> topic.partitions().stream().map(p -> new TopicPartition(topic.name(), p.partition())))
                .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest()));
        Map<String, Long> counts = new TreeMap<>();
        admin.listOffsets(latest).all().get().forEach((partition, info) -> counts.merge(partition.topic(), info.offset(), Long::sum));
        return counts;
    }
}
