package fr.relais.testsupport;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * Reads a topic from its current end in the background and keeps every record, so a test can wait
 * (with Awaitility) for the records its own actions caused. Close it after the test class.
 */
public final class TopicCollector implements AutoCloseable {

    /** A record as a test sees it: key, UTF-8 headers (last value wins), value, partition. */
    public record Received(String key, Map<String, String> headers, String value, int partition, long offset) {
        public String header(String name) {
            return headers.get(name);
        }
    }

    private final List<Received> records = new CopyOnWriteArrayList<>();
    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
    private final String topic;
    private final Thread poller;
    private volatile boolean running = true;

    public TopicCollector(String topic) {
        this.topic = topic;
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Stack.kafkaClient(Map.of(
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false")));
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(15)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end offsets now, before the test acts
        poller = new Thread(() -> {
            try (consumer) {
                while (running) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                        records.add(new Received(record.key(), headers(record), record.value(), record.partition(), record.offset()));
                    }
                    partitions.forEach(partition -> positions.put(partition, consumer.position(partition)));
                }
            }
        }, "collector-" + topic);
        poller.setDaemon(true);
        poller.start();
    }

    /**
     * Waits until every record on the topic now has been collected: a positive marker before asserting that
     * something was <em>not</em> published (read after the producer side is known to be done, e.g. an empty outbox).
     */
    public void awaitCaughtUp(Duration atMost) {
        Map<TopicPartition, Long> ends;
        try (KafkaConsumer<String, String> probe = new KafkaConsumer<>(Stack.kafkaClient(Map.of(
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName())))) {
            ends = probe.endOffsets(probe.partitionsFor(topic, Duration.ofSeconds(15)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList(), Duration.ofSeconds(15));
        }
        await("collector of " + topic + " caught up").atMost(atMost).pollInterval(Duration.ofMillis(100))
                .until(() -> ends.entrySet().stream().allMatch(end -> positions.getOrDefault(end.getKey(), -1L) >= end.getValue()));
    }

    public List<Received> all() {
        return List.copyOf(records);
    }

    public List<Received> matching(Predicate<Received> filter) {
        return records.stream().filter(filter).toList();
    }

    public List<Received> forKey(String key) {
        return matching(r -> key.equals(r.key()));
    }

    private static Map<String, String> headers(ConsumerRecord<String, String> record) {
        return java.util.stream.StreamSupport.stream(record.headers().spliterator(), false)
                .collect(Collectors.toMap(Header::key, h -> h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8),
                        (first, last) -> last));
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        poller.join(5000);
    }
}
