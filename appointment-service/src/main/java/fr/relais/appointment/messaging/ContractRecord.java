package fr.relais.appointment.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import fr.relais.events.CloudEventHeaders;
import fr.relais.events.ContractJson;
import fr.relais.events.Contracts;
import fr.relais.events.JourneyScoped;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * One record of a journey-keyed topic read against the contracts registry: a type the consumer does not want
 * is skipped; a wanted one is read, or named poison with the reason (missing headers, unknown type, unreadable
 * payload, a key that is not the payload's journey id) for the dead-letter topic.
 */
sealed interface ContractRecord {

    /** Of a registered type this consumer does not use: acknowledge and move on. */
    record Skipped() implements ContractRecord {
    }

    /** Can never be processed as it is: park it with this reason. */
    record Poison(String reason) implements ContractRecord {
    }

    /** @param id the CloudEvents id: what processed_message remembers */
    record Read(String id, JourneyScoped payload) implements ContractRecord {
    }

    static ContractRecord of(String payload, IncomingKafkaRecordMetadata<?, ?> origin, Set<Class<?>> wanted) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : origin.getHeaders()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        String type = headers.get(CloudEventHeaders.TYPE);
        String id = headers.get(CloudEventHeaders.ID);
        Class<?> payloadClass = type == null ? null : Contracts.find(type).map(c -> c.payloadClass()).orElse(null);
        if (payloadClass != null && !wanted.contains(payloadClass)) {
            return new Skipped();
        }
        try {
            if (type == null || id == null || id.isBlank()) {
                return new Poison("missing header " + (type == null ? CloudEventHeaders.TYPE : CloudEventHeaders.ID));
            }
            if (payloadClass == null) {
                return new Poison("unknown CloudEvents type '" + abbreviate(type) + "'");
            }
            JourneyScoped event = (JourneyScoped) ContractJson.mapper().readValue(payload, payloadClass);
            Object key = origin.getKey();
            if (key == null || !key.toString().equals(event.kafkaKey())) {
                return new Poison("record key does not match the event's journey id");
            }
            return new Read(id, event);
        } catch (JsonProcessingException e) {
            return new Poison("unreadable " + type + " payload: " + abbreviate(e.getOriginalMessage()));
        } catch (RuntimeException e) {
            return new Poison(abbreviate(String.valueOf(e.getMessage())));
        }
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
