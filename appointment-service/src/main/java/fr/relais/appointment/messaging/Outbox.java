package fr.relais.appointment.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import fr.relais.events.CloudEventAttributes;
import fr.relais.events.ContractJson;
import fr.relais.events.Contracts;
import fr.relais.events.appointment.AppointmentEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Adds events to the outbox inside the caller's transaction; {@link OutboxRelay} publishes them.
 * Adapted from journey-service's Outbox (SQL client instead of Panache); to be extracted into a shared module.
 */
@ApplicationScoped
public class Outbox {

    public static final String SOURCE = "appointment-service";

    public Uni<Void> add(SqlClient client, AppointmentEvent event) {
        CloudEventAttributes attributes = CloudEventAttributes.forPayload(SOURCE, event, null, null);
        return client.preparedQuery("insert into outbox (id, topic, record_key, ce_type, ce_subject, correlation_id,"
                        + " causation_id, payload) values ($1, $2, $3, $4, $5, $6, $7, $8)")
                .execute(Tuple.from(new Object[]{UUID.fromString(attributes.id()),
                        Contracts.find(event.getClass()).orElseThrow().topic(), event.kafkaKey(), attributes.type(),
                        attributes.subject(), attributes.correlationId(), attributes.causationId(), new JsonObject(toJson(event))}))
                .replaceWithVoid();
    }

    static String toJson(Object payload) {
        try {
            return ContractJson.mapper().writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a contract record could not be written as JSON: " + payload.getClass(), e);
        }
    }
}
