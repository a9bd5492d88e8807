package fr.relais.gateway.live;

import com.fasterxml.jackson.databind.JsonNode;
import fr.relais.events.CloudEventHeaders;
import fr.relais.events.ContractJson;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import fr.relais.gateway.commands.UnreadableRecords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Pushes journey.events to the screens watching that journey (server-sent events). Each gateway instance
 * reads all partitions with its own group, so a watcher on any instance is told.
 */
@ApplicationScoped
public class LiveUpdates {

    /** What a screen is told: enough to refresh, nothing personal. */
    public record Update(UUID journeyId, long sequence, String what, String stepId, String channel, Instant at) {
    }

    private final BroadcastProcessor<Update> updates = BroadcastProcessor.create();

    @Inject
    UnreadableRecords unreadable;

    @Incoming("journey-events")
    public CompletionStage<Void> consume(Message<String> message) {
        try {
            JsonNode event = ContractJson.mapper().readTree(message.getPayload());
            String type = message.getMetadata(IncomingKafkaRecordMetadata.class)
                    .map(meta -> header(meta, CloudEventHeaders.TYPE)).orElse("");
            updates.onNext(new Update(UUID.fromString(event.path("journeyId").asText()), event.path("sequence").asLong(),
                    type.replace("relais.journey.", "").replace(".v1", ""),
                    event.hasNonNull("stepId") ? event.get("stepId").asText() : null,
                    event.path("actor").path("channel").asText(null), Instant.parse(event.path("occurredAt").asText())));
        } catch (Exception e) {
            // a record we cannot show is not worth a stuck partition: live updates are a convenience
            unreadable.skipped("journey.events", e);
        }
        return message.ack();
    }

    public Multi<Update> of(UUID journeyId) {
        return updates.filter(update -> update.journeyId().equals(journeyId));
    }

    private static String header(IncomingKafkaRecordMetadata<?, ?> meta, String name) {
        Header header = meta.getHeaders().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
