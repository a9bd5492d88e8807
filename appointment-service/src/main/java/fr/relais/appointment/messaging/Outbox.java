package fr.relais.appointment.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import fr.relais.appointment.persistence.OutboxEntity;
import fr.relais.events.CloudEventAttributes;
import fr.relais.events.ContractJson;
import fr.relais.events.Contracts;
import fr.relais.events.appointment.AppointmentEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.UUID;

/**
 * Adds events to the outbox inside the caller's transaction (the Panache session of the current Vert.x
 * context); {@link OutboxRelay} publishes them. Same approach as journey-service's Outbox.
 */
@ApplicationScoped
public class Outbox {

    public static final String SOURCE = "appointment-service";

    @Inject
    Clock clock;

    public Uni<Void> add(AppointmentEvent event) {
        CloudEventAttributes attributes = CloudEventAttributes.forPayload(SOURCE, event, null, null);
        OutboxEntity row = new OutboxEntity();
        row.id = UUID.fromString(attributes.id());
        row.topic = Contracts.find(event.getClass()).orElseThrow().topic();
        row.recordKey = event.kafkaKey();
        row.ceType = attributes.type();
        row.ceSubject = attributes.subject();
        row.correlationId = attributes.correlationId();
        row.causationId = attributes.causationId();
        row.payload = toJson(event);
        // the service's time, like the event's own timestamps (see relais.clock.offset)
        row.createdAt = clock.instant();
        return row.persist().replaceWithVoid();
    }

    static String toJson(Object payload) {
        try {
            return ContractJson.mapper().writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a contract record could not be written as JSON: " + payload.getClass(), e);
        }
    }
}
