package fr.relais.messaging.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import fr.relais.events.CloudEventAttributes;
import fr.relais.events.ContractJson;
import fr.relais.events.JourneyScoped;
import fr.relais.tracing.TraceParent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.UUID;

/** Adds records to the outbox inside the caller's transaction; {@link OutboxRelay} publishes them. */
@ApplicationScoped
public class Outbox {

    private final String source;

    Outbox(@ConfigProperty(name = "quarkus.application.name") String source) {
        this.source = source;
    }

    /** The CloudEvents source of what this service publishes: its application name. */
    public String source() {
        return source;
    }

    public Uni<OutboxEntity> add(String topic, JourneyScoped payload, CloudEventAttributes attributes) {
        OutboxEntity row = new OutboxEntity();
        row.id = UUID.fromString(attributes.id());
        row.topic = topic;
        row.recordKey = payload.kafkaKey();
        row.ceType = attributes.type();
        row.ceSubject = attributes.subject();
        row.correlationId = attributes.correlationId();
        row.causationId = attributes.causationId();
        row.payload = toJson(payload);
        row.createdAt = Instant.now();
        // the relay publishes later, outside this context: the row keeps the trace it belongs to
        row.traceparent = TraceParent.current();
        OutboxRelay.markWritten();
        return row.persist();
    }

    static String toJson(Object payload) {
        try {
            return ContractJson.mapper().writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a contract record could not be written as JSON: " + payload.getClass(), e);
        }
    }
}
