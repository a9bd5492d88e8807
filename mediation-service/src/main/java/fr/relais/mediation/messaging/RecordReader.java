package fr.relais.mediation.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import fr.relais.events.CloudEventAttributes;
import fr.relais.events.CloudEventHeaders;
import fr.relais.events.ContractJson;
import fr.relais.events.Contracts;
import fr.relais.events.JourneyScoped;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the CloudEvents headers and the JSON data of a record, or says precisely why it cannot.
 * Reasons name headers, types and JSON locations, never payload values.
 */
public final class RecordReader {

    private static final int MAX_REASON = 300;

    private RecordReader() {
    }

    public static Map<String, String> headers(IncomingKafkaRecordMetadata<?, ?> origin) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : origin.getHeaders()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    public static CloudEventAttributes attributes(Map<String, String> headers) throws PoisonRecordException {
        if (headers.get(CloudEventHeaders.TYPE) == null) {
            throw new PoisonRecordException("missing header " + CloudEventHeaders.TYPE);
        }
        try {
            return CloudEventAttributes.fromKafkaHeaders(headers);
        } catch (IllegalArgumentException e) {
            throw new PoisonRecordException("bad CloudEvents headers: " + abbreviate(e.getMessage()));
        }
    }

    /** The registered payload class of a type, if any. */
    public static Optional<Class<?>> registeredClass(String type) {
        return Contracts.find(type).map(contract -> contract.payloadClass());
    }

    /** Reads a registered, journey-scoped payload and checks the record key against its journey id. */
    public static <T extends JourneyScoped> T payload(String type, Class<T> expected, String key, String value)
            throws PoisonRecordException {
        Class<?> payloadClass = registeredClass(type)
                .orElseThrow(() -> new PoisonRecordException("unknown CloudEvents type '" + abbreviate(type) + "'"));
        if (!expected.isAssignableFrom(payloadClass)) {
            throw new PoisonRecordException("type '" + type + "' is not a " + expected.getSimpleName());
        }
        if (value == null || value.isBlank()) {
            throw new PoisonRecordException("empty payload");
        }
        T payload;
        try {
            payload = expected.cast(ContractJson.mapper().readValue(value, payloadClass));
        } catch (JsonProcessingException e) {
            throw new PoisonRecordException("unreadable " + type + " payload: " + abbreviate(e.getOriginalMessage()));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PoisonRecordException("invalid " + type + " payload: " + abbreviate(String.valueOf(e.getMessage())));
        }
        if (key == null || !key.equals(payload.journeyId().toString())) {
            throw new PoisonRecordException("record key does not match the payload's journey id");
        }
        return payload;
    }

    /** Reads JSON data without a registered class (for contracts this service only reads a few fields of). */
    public static JsonNode tree(String type, String value) throws PoisonRecordException {
        if (value == null || value.isBlank()) {
            throw new PoisonRecordException("empty payload");
        }
        try {
            JsonNode node = ContractJson.mapper().readTree(value);
            if (node == null || !node.isObject()) {
                throw new PoisonRecordException("the " + type + " payload is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new PoisonRecordException("unreadable " + type + " payload: " + abbreviate(e.getOriginalMessage()));
        }
    }

    static String abbreviate(String text) {
        return text == null || text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON) + "…";
    }
}
