package fr.relais.messaging;

import fr.relais.events.CloudEventHeaders;
import fr.relais.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Parks a record that cannot be processed on {@code <topic>.dlq}, unchanged, with the reason and its
 * origin in headers, so the partition keeps flowing and nothing is silently dropped.
 */
@ApplicationScoped
public class DeadLetters {

    @Inject
    @Channel("dead-letters")
    MutinyEmitter<String> emitter;

    @Inject
    TopicsConfig topics;

    @Inject
    MeterRegistry registry;

    private static final Pattern INCOMING_TOPIC = Pattern.compile("mp\\.messaging\\.incoming\\.[^.]+\\.topic");

    /**
     * A dead-letter counter at zero for every topic this service consumes, from start-up: the alert on any
     * parked record then sees the first one, and the dashboard shows 0 rather than nothing.
     */
    void registerCounters(@Observes StartupEvent start) {
        Config config = ConfigProvider.getConfig();
        String prefix = topics.prefix().orElse("");
        for (String name : config.getPropertyNames()) {
            if (INCOMING_TOPIC.matcher(name).matches()) {
                config.getOptionalValue(name, String.class).ifPresent(physical -> registry.counter("relais_dlq_records_total",
                        "topic", physical.startsWith(prefix) ? physical.substring(prefix.length()) : physical));
            }
        }
    }

    public Uni<Void> park(String logicalTopic, IncomingKafkaRecordMetadata<?, ?> origin, String value, String reason) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : origin.getHeaders()) {
            headers.add(header);
        }
        headers.add(CloudEventHeaders.DLQ_REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        headers.add("relais-dlq-origin", (origin.getTopic() + "/" + origin.getPartition() + "@" + origin.getOffset())
                .getBytes(StandardCharsets.UTF_8));
        Object key = origin.getKey();
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topics.physical(Topics.dlq(logicalTopic)))
                .withKey(key == null ? null : key.toString())
                .withHeaders(headers)
                .build();
        Log.warnf("record %s/%d@%d sent to the dead-letter topic: %s", origin.getTopic(), origin.getPartition(),
                origin.getOffset(), reason);
        registry.counter("relais_dlq_records_total", "topic", logicalTopic).increment();
        return emitter.sendMessage(Message.of(value).addMetadata(metadata));
    }
}
