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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Parks a record that cannot be processed on {@code <topic>.dlq}, unchanged, with the reason and its
 * origin in headers, so the partition keeps flowing and nothing is silently dropped.
 * <p>
 * A write to the dead-letter topic that fails (broker down, topic missing, timeout) is retried with exponential
 * backoff until it succeeds: {@link #park} completes only once the record is parked, so the caller acknowledges
 * the original record only then, and its consumer never stops for good on a failing dead-letter write. Each
 * attempt is bounded (the producer's own timeouts, see META-INF/microprofile-config.properties, and
 * {@code relais.dead-letters.attempt-timeout} above them); the waits run on timers, never on the event loop.
 * An attempt that timed out here may still land later, so a record can be parked twice: at-least-once.
 */
@ApplicationScoped
public class DeadLetters {

    static final String PARKED = "relais_dlq_records_total";
    static final String WRITE_FAILURES = "relais_dlq_write_failures_total";

    @Inject
    @Channel("dead-letters")
    MutinyEmitter<String> emitter;

    @Inject
    TopicsConfig topics;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    @ConfigProperty(name = "relais.dead-letters.attempt-timeout", defaultValue = "PT45S")
    Duration attemptTimeout;

    @ConfigProperty(name = "relais.dead-letters.first-backoff", defaultValue = "PT1S")
    Duration firstBackoff;

    @ConfigProperty(name = "relais.dead-letters.max-backoff", defaultValue = "PT30S")
    Duration maxBackoff;

    private static final Pattern INCOMING_TOPIC = Pattern.compile("mp\\.messaging\\.incoming\\.[^.]+\\.topic");

    /**
     * Dead-letter counters at zero for every topic this service consumes, from start-up: the alert on any
     * parked record (or failed dead-letter write) then sees the first one, and the dashboard shows 0 rather than nothing.
     */
    void registerCounters(@Observes StartupEvent start) {
        Config config = ConfigProvider.getConfig();
        String prefix = topics.prefix().orElse("");
        for (String name : config.getPropertyNames()) {
            if (INCOMING_TOPIC.matcher(name).matches()) {
                config.getOptionalValue(name, String.class).ifPresent(physical -> {
                    String logical = physical.startsWith(prefix) ? physical.substring(prefix.length()) : physical;
                    registry.counter(PARKED, "topic", logical);
                    registry.counter(WRITE_FAILURES, "topic", logical);
                });
            }
        }
    }

    /** Completes once the record is on the dead-letter topic, however many attempts that takes; never fails. */
    public Uni<Void> park(String logicalTopic, IncomingKafkaRecordMetadata<?, ?> origin, String value, String reason) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : origin.getHeaders()) {
            headers.add(header);
        }
        headers.add(CloudEventHeaders.DLQ_REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        String from = origin.getTopic() + "/" + origin.getPartition() + "@" + origin.getOffset();
        headers.add(CloudEventHeaders.DLQ_ORIGIN_HEADER, from.getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.DLQ_CONSUMER_HEADER, service.getBytes(StandardCharsets.UTF_8));
        Object key = origin.getKey();
        String dlq = topics.physical(Topics.dlq(logicalTopic));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(dlq)
                .withKey(key == null ? null : key.toString())
                .withHeaders(headers)
                .build();
        Log.warnf("record %s sent to the dead-letter topic: %s", from, reason);
        // deferred: each attempt sends a new message (a Uni of the emitter is not a retryable send by itself)
        return Uni.createFrom().deferred(() -> emitter.sendMessage(Message.of(value).addMetadata(metadata)))
                .ifNoItem().after(attemptTimeout).fail()
                .onFailure().invoke(failure -> {
                    registry.counter(WRITE_FAILURES, "topic", logicalTopic).increment();
                    // Kafka's and Mutiny's failures name topics and timeouts, never record values
                    Log.warnf("record %s could not be written to %s (%s); it stays unacknowledged and the write is retried",
                            from, dlq, failure);
                })
                .onFailure().retry().withBackOff(firstBackoff, maxBackoff).indefinitely()
                .invoke(() -> registry.counter(PARKED, "topic", logicalTopic).increment());
    }
}
