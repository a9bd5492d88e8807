package fr.relais.bench.baseline;

import fr.relais.bench.report.Latency;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.AppInfoParser;

/**
 * The raw broker's limit on this machine: one producer with the services' client defaults (acks=all, idempotence on)
 * and one consumer on a scratch topic, first flat out, then at a fixed open-loop rate.
 */
public final class KafkaBaseline {

    static final String TOPIC = "bench.baseline";
    private static final int PARTITIONS = 6;
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(15);
    /** Value prefix: 8 bytes of send time in epoch microseconds, then one byte naming the phase. */
    private static final int HEADER_BYTES = 9;
    private static final byte PHASE_MAX = 1;
    private static final byte PHASE_PACED = 2;

    private KafkaBaseline() {
    }

    public static KafkaFigures run(String bootstrap, int recordBytes, Duration duration, int pacedRecordsPerSecond) {
        Properties adminProperties = withCredentials(new Properties());
        adminProperties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(adminProperties)) {
            createTopic(admin);
            try {
                return measure(bootstrap, recordBytes, duration, pacedRecordsPerSecond);
            } finally {
                deleteTopic(admin);
            }
        }
    }

    private static KafkaFigures measure(String bootstrap, int recordBytes, Duration duration, int pacedRate) {
        PhaseCounter max = new PhaseCounter();
        PhaseCounter paced = new PhaseCounter();
        try (Receiver receiver = new Receiver(bootstrap, max, paced);
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProperties(bootstrap))) {
            // Only this run's records count: the consumer is positioned at the end before the first send.
            receiver.positionAtEnd();
            receiver.start();
            byte[] template = new byte[Math.max(recordBytes, HEADER_BYTES)];
            ThreadLocalRandom.current().nextBytes(template);

            long firstSend = System.nanoTime();
            long sentMax = produce(producer, template, PHASE_MAX, duration, 0, max);
            max.awaitReceived(sentMax, DRAIN_TIMEOUT);
            double seconds = (max.lastReceiptNanos.get() - firstSend) / 1e9;
            double maxRate = seconds > 0 ? max.received.get() / seconds : 0;

            long sentPaced = produce(producer, template, PHASE_PACED, duration, pacedRate, paced);
            paced.awaitReceived(sentPaced, DRAIN_TIMEOUT);

            return new KafkaFigures(template.length, maxRate, max.latency(), pacedRate, paced.latency(),
                    AppInfoParser.getVersion());
        }
    }

    /** Sends for {@code duration}: flat out when {@code ratePerSecond} is 0, else one record per due time (open loop). */
    private static long produce(KafkaProducer<String, byte[]> producer, byte[] template, byte phase, Duration duration,
            int ratePerSecond, PhaseCounter counter) {
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long interval = ratePerSecond > 0 ? 1_000_000_000L / ratePerSecond : 0;
        long due = start;
        long sent = 0;
        while (true) {
            long now = System.nanoTime();
            if (now >= end) {
                break;
            }
            if (interval > 0) {
                // Open loop: the schedule does not slip when a send is slow; late records go out at once.
                if (due >= end) {
                    break;
                }
                if (now < due) {
                    LockSupport.parkNanos(due - now);
                }
                due += interval;
            }
            byte[] value = Arrays.copyOf(template, template.length);
            ByteBuffer.wrap(value).putLong(epochMicros()).put(phase);
            producer.send(new ProducerRecord<>(TOPIC, UUID.randomUUID().toString(), value), (metadata, error) -> {
                if (error != null) {
                    counter.failed.incrementAndGet();
                }
            });
            sent++;
        }
        producer.flush();
        return sent - counter.failed.get();
    }

    /**
     * Average serialized size (key + value + headers) of up to the last 200 records of {@code topic}, so the baseline
     * carries records the size the services really send; {@code fallback} when the topic is empty or unreadable.
     */
    public static int averageRecordBytes(String bootstrap, String topic, int fallback) {
        final int wanted = 200;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties(bootstrap))) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, CLIENT_TIMEOUT);
            if (infos == null || infos.isEmpty()) {
                return fallback;
            }
            List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, CLIENT_TIMEOUT);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, CLIENT_TIMEOUT);
            List<TopicPartition> pending = new ArrayList<>();
            for (TopicPartition tp : partitions) {
                long from = Math.max(begin.get(tp), end.get(tp) - wanted);
                if (from < end.get(tp)) {
                    consumer.seek(tp, from);
                    pending.add(tp);
                }
            }
            consumer.assign(pending);
            // (timestamp, size) of each record read; the newest 200 across partitions are averaged.
            List<long[]> seen = new ArrayList<>();
            long deadline = System.nanoTime() + CLIENT_TIMEOUT.toNanos();
            while (!pending.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(new long[] {r.timestamp(), size(r)});
                }
                // Position, not the last record's offset: transaction markers take offsets but are never returned.
                pending.removeIf(tp -> consumer.position(tp, CLIENT_TIMEOUT) >= end.get(tp));
                consumer.assign(pending);
            }
            if (seen.isEmpty()) {
                return fallback;
            }
            return (int) Math.round(seen.stream().sorted(Comparator.comparingLong((long[] s) -> s[0]).reversed())
                    .limit(wanted).mapToLong(s -> s[1]).average().orElse(fallback));
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    private static long size(ConsumerRecord<byte[], byte[]> r) {
        long bytes = (r.key() == null ? 0 : r.key().length) + (r.value() == null ? 0 : r.value().length);
        for (Header h : r.headers()) {
            bytes += h.key().getBytes(StandardCharsets.UTF_8).length + (h.value() == null ? 0 : h.value().length);
        }
        return bytes;
    }

    private static void createTopic(Admin admin) {
        try {
            admin.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 1))).all()
                    .get(CLIENT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            // Left over by a crashed run: reused as is, the consumer starts at its end anyway.
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + TOPIC, e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + TOPIC, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("broker did not create topic " + TOPIC + " within " + CLIENT_TIMEOUT, e);
        }
    }

    private static void deleteTopic(Admin admin) {
        try {
            admin.deleteTopics(List.of(TOPIC)).all().get(CLIENT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Best effort: the next run reuses the topic.
        }
    }

    private static Properties producerProperties(String bootstrap) {
        Properties p = new Properties();
        withCredentials(p);
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        // Everything else stays at the client defaults (acks=all, idempotence on), as in the services.
        return p;
    }

    private static Properties consumerProperties(String bootstrap) {
        Properties p = new Properties();
        withCredentials(p);
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        // Assigned partitions, no group: nothing to commit.
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return p;
    }

    /**
     * The devstack's Kafka super user (./relais bench exports its password): the baseline makes and deletes a topic of
     * its own, and SASL costs the same here as it does to the services.
     */
    private static Properties withCredentials(Properties p) {
        String password = System.getenv("RELAIS_KAFKA_ADMIN_PASSWORD");
        if (password == null || password.isBlank()) {
            throw new IllegalStateException("RELAIS_KAFKA_ADMIN_PASSWORD is not set: run the benchmark with ./relais bench");
        }
        p.put("security.protocol", "SASL_PLAINTEXT");
        p.put("sasl.mechanism", "SCRAM-SHA-512");
        p.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"admin\" password=\""
                + password + "\";");
        return p;
    }

    /** Wall clock in epoch microseconds (Instant.now has microsecond resolution on Linux). */
    private static long epochMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    /** What the consumer saw of one phase. */
    private static final class PhaseCounter {
        final AtomicLong received = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicLong lastReceiptNanos = new AtomicLong();
        private final Histogram micros = Latency.newHistogram();

        /** Called on the consumer thread only. */
        void record(long sentMicros) {
            long latency = Math.max(1, Math.min(epochMicros() - sentMicros, micros.getHighestTrackableValue()));
            synchronized (micros) {
                micros.recordValue(latency);
            }
            lastReceiptNanos.set(System.nanoTime());
            received.incrementAndGet();
        }

        void awaitReceived(long expected, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (received.get() < expected && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            }
        }

        Latency latency() {
            synchronized (micros) {
                return Latency.of(micros.copy());
            }
        }
    }

    /** The consumer thread: all partitions assigned, each record's latency booked to the phase written in its value. */
    private static final class Receiver implements Runnable, AutoCloseable {
        private final KafkaConsumer<byte[], byte[]> consumer;
        private final PhaseCounter max;
        private final PhaseCounter paced;
        private final Thread thread = new Thread(this, "bench-kafka-baseline-consumer");
        private volatile boolean running = true;

        Receiver(String bootstrap, PhaseCounter max, PhaseCounter paced) {
            this.consumer = new KafkaConsumer<>(consumerProperties(bootstrap));
            this.max = max;
            this.paced = paced;
            thread.setDaemon(true);
        }

        /** Resolves the end offsets now (seekToEnd alone is lazy), before anything is produced. */
        void positionAtEnd() {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int p = 0; p < PARTITIONS; p++) {
                partitions.add(new TopicPartition(TOPIC, p));
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(tp -> consumer.position(tp, CLIENT_TIMEOUT));
        }

        void start() {
            thread.start();
        }

        @Override
        public void run() {
            try {
                while (running) {
                    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                        if (r.value() == null || r.value().length < HEADER_BYTES) {
                            continue;
                        }
                        ByteBuffer b = ByteBuffer.wrap(r.value());
                        long sentMicros = b.getLong();
                        byte phase = b.get();
                        if (phase == PHASE_MAX) {
                            max.record(sentMicros);
                        } else if (phase == PHASE_PACED) {
                            paced.record(sentMicros);
                        }
                    }
                }
            } catch (WakeupException e) {
                // close() asked us to leave.
            }
        }

        /** Stops the thread, then closes the consumer on this thread (KafkaConsumer is single-threaded). */
        @Override
        public void close() {
            running = false;
            if (thread.isAlive()) {
                consumer.wakeup();
                try {
                    thread.join(CLIENT_TIMEOUT.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            consumer.close();
        }
    }
}
