package fr.relais.system.harness;

import fr.relais.testsupport.Stack;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Reads topic partitions between two points, outside any consumer group: what was written during a run. */
public final class KafkaRecords {

    private KafkaRecords() {
    }

    public static Map<TopicPartition, Long> endOffsets(Collection<String> topics) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic, Duration.ofSeconds(15)).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            return new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(15)));
        }
    }

    /** Hands every record from {@code from} up to the partitions' current ends to {@code each}; returns how many. */
    public static long readSince(Map<TopicPartition, Long> from, Consumer<ConsumerRecord<byte[], byte[]>> each) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            Map<TopicPartition, Long> until = consumer.endOffsets(from.keySet(), Duration.ofSeconds(15));
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            long count = 0;
            Instant deadline = Instant.now().plusSeconds(60);
            while (from.keySet().stream().anyMatch(tp -> consumer.position(tp) < until.get(tp))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("could not read the run's records within 60 s");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < until.get(new TopicPartition(record.topic(), record.partition()))) {
                        each.accept(record);
                        count++;
                    }
                }
            }
            return count;
        }
    }

    private static KafkaConsumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(Stack.kafkaClient(Map.of(
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false")));
    }
}
