package fr.relais.mediation.messaging;

import fr.relais.events.CloudEventAttributes;
import fr.relais.events.CloudEventHeaders;
import fr.relais.events.Topics;
import fr.relais.events.channel.Channel;
import fr.relais.events.channel.Touchpoint;
import fr.relais.events.channel.TouchpointKind;
import fr.relais.mediation.Bus;
import fr.relais.mediation.Db;
import fr.relais.testsupport.ConsumerGroups;
import fr.relais.testsupport.KafkaAcls;
import fr.relais.testsupport.KafkaTopics;
import fr.relais.testsupport.Stack;
import fr.relais.testsupport.TopicSender;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A dead-letter write that fails does not stop the consumer and does not skip the record: the service runs on
 * topics of its own whose touchpoints dead-letter topic does not exist (the broker does not auto-create topics),
 * a poison record's parking fails and is retried, the journey's next record waits behind it, and once the topic
 * is created the poison record is parked and the next record processed.
 */
@QuarkusTest
@TestProfile(DeadLetterRetryTest.MissingDeadLetterTopic.class)
class DeadLetterRetryTest {

    /** A prefix of this run's own, shared through a system property by the profile and its topic resource. */
    static String prefix() {
        return System.getProperties().computeIfAbsent("relais.test.dlq-retry-prefix",
                key -> "mtdlq-" + UUID.randomUUID().toString().substring(0, 8) + ".").toString();
    }

    static String physical(String logical) {
        return prefix() + logical;
    }

    public static class MissingDeadLetterTopic implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // short backoffs: the test waits for the retry after it creates the topic
            return Map.of("relais.topics.prefix", prefix(),
                    "relais.dead-letters.first-backoff", "PT0.5S",
                    "relais.dead-letters.max-backoff", "PT2S");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(TopicsWithoutTouchpointsDlq.class));
        }
    }

    /** Every topic the service uses, except channel.touchpoints.dlq; all of them deleted at the end. */
    public static class TopicsWithoutTouchpointsDlq implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            KafkaTopics.ensure(Topics.JOURNEY_KEYED_PARTITIONS, physical(Topics.CHANNEL_TOUCHPOINTS),
                    physical(Topics.JOURNEY_EVENTS), physical(Topics.APPOINTMENT_EVENTS),
                    physical(Topics.JOURNEY_COMMANDS), physical(Topics.MEDIATION_EVENTS));
            // this run's own prefix: the broker grants the service nothing there until the deployed ACLs are copied
            KafkaAcls.grantAsDeployed(prefix());
            return Map.of();
        }

        @Override
        public void stop() {
            try (Admin admin = Admin.create(Stack.kafkaClient(Map.of()))) {
                Set<String> ours = admin.listTopics().names().get(15, TimeUnit.SECONDS).stream()
                        .filter(name -> name.startsWith(prefix())).collect(java.util.stream.Collectors.toSet());
                admin.deleteTopics(ours).all().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                // leftover test topics are harmless: each run has its own prefix
            }
        }
    }

    @Inject
    MeterRegistry registry;

    double counter(String name) {
        var counter = registry.find(name).tags("topic", Topics.CHANNEL_TOUCHPOINTS).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aFailingDeadLetterWriteIsRetriedUntilTheRecordIsParkedAndTheConsumerGoesOn() throws Exception {
        UUID journeyId = UUID.randomUUID();
        String touchpoints = physical(Topics.CHANNEL_TOUCHPOINTS);
        String dlq = physical(Topics.dlq(Topics.CHANNEL_TOUCHPOINTS));
        double parkedBefore = counter("relais_dlq_records_total");
        Touchpoint next = Bus.touchpoint(journeyId, TouchpointKind.VALIDATION_ERROR, "formulaire", Channel.PORTAL, null,
                Instant.now());

        // the three touchpoint consumers join one by one: a record read before the last one joined is read again after
        // the rebalance, and parked twice (at-least-once, as DeadLetters says), which is not what this test is about
        ConsumerGroups.awaitSettled("mediation-service-test", "touchpoints", 3, touchpoints, Topics.JOURNEY_KEYED_PARTITIONS,
                Duration.ofSeconds(60));
        try (TopicSender sender = new TopicSender()) {
            // a record of the journey that can never be read, then a good one on the same partition (same key)
            sender.send(touchpoints, journeyId.toString(), Bus.headersFor("relais.channel.no-such-type.v1", journeyId),
                    "{\"poison\":true}");
            sender.send(touchpoints, next.kafkaKey(), CloudEventAttributes.forPayload("test", next, null, null).toKafkaHeaders(),
                    Bus.json(next));
        }

        // the dead-letter write fails (the topic is missing): counted, and retried within the producer's short bounds
        await().atMost(Duration.ofSeconds(60)).until(() -> counter("relais_dlq_write_failures_total") >= 2);
        // the poison record is not acknowledged, so the journey's next record has not been handled either
        String nextSource = "touchpoint:" + next.touchpointId();
        assertThat(Db.count("select count(*) from signal where source_id = ?", nextSource)).isZero();
        assertThat(counter("relais_dlq_records_total")).isEqualTo(parkedBefore);

        KafkaTopics.ensure(Topics.JOURNEY_KEYED_PARTITIONS, dlq);

        // the retry parks it, unchanged and with its reason; then the consumer goes on with the next record
        await().atMost(Duration.ofSeconds(90)).until(() -> !readAll(dlq).isEmpty());
        ConsumerRecord<String, String> parked = readAll(dlq).get(0);
        assertThat(parked.key()).isEqualTo(journeyId.toString());
        assertThat(parked.value()).isEqualTo("{\"poison\":true}");
        assertThat(new String(parked.headers().lastHeader(CloudEventHeaders.DLQ_REASON_HEADER).value(), StandardCharsets.UTF_8))
                .contains("no-such-type");
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.count("select count(*) from signal where source_id = ?", nextSource) == 1);
        assertThat(counter("relais_dlq_records_total")).isEqualTo(parkedBefore + 1);
    }

    /** Every record of a topic from its beginning (the dead-letter topic is new, so that is all it holds). */
    static List<ConsumerRecord<String, String>> readAll(String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Stack.kafkaClient(Map.of(
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false")))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }
}
