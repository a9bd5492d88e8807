package fr.relais.messaging.inbox;

import fr.relais.events.CloudEventAttributes;
import fr.relais.events.ContractJson;
import fr.relais.events.JourneyScoped;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/** Kafka messages as a consumer receives them, built without a broker. */
final class Records {

    static final String TOPIC = "journey.events";

    private Records() {
    }

    /** A message whose acknowledgements are counted. */
    static Message<String> message(String key, Map<String, String> headers, String value, AtomicInteger acks) {
        RecordHeaders kafkaHeaders = new RecordHeaders();
        headers.forEach((name, text) -> kafkaHeaders.add(name, text == null ? null : text.getBytes(StandardCharsets.UTF_8)));
        return message(key, kafkaHeaders, value, acks);
    }

    static Message<String> message(String key, RecordHeaders kafkaHeaders, String value, AtomicInteger acks) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(TOPIC, 2, 41L, 0L, TimestampType.CREATE_TIME,
                -1, -1, key, value, kafkaHeaders, Optional.empty());
        return Message.of(value, Metadata.of(new IncomingKafkaRecordMetadata<>(record, "test-channel")), () -> {
            acks.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        });
    }

    static Message<String> message(String key, Map<String, String> headers, String value) {
        return message(key, headers, value, new AtomicInteger());
    }

    /** A well-formed record of a contract payload, keyed by its journey. */
    static Message<String> of(JourneyScoped payload, AtomicInteger acks) {
        return message(payload.kafkaKey(), CloudEventAttributes.forPayload("test", payload, null, null).toKafkaHeaders(),
                json(payload), acks);
    }

    static String json(Object payload) {
        try {
            return ContractJson.mapper().writeValueAsString(payload);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
