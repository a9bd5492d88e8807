package fr.relais.messaging.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import fr.relais.events.CloudEventAttributes;
import fr.relais.events.CloudEventHeaders;
import fr.relais.events.ContractJson;
import fr.relais.events.Contract;
import fr.relais.events.Contracts;
import fr.relais.events.JourneyScoped;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One received Kafka record read against the contracts registry: its headers as text, its CloudEvents attributes
 * and its JSON data, or a {@link PoisonRecordException} that says precisely why it cannot be read.
 * Reasons name headers, types and JSON locations, never payload values (they may go to logs and DLQ headers).
 */
public final class InboundRecord {

    private static final int MAX_REASON = 300;

    private final IncomingKafkaRecordMetadata<?, ?> origin;
    private final Map<String, String> headers;
    private final String key;
    private final String value;

    private InboundRecord(IncomingKafkaRecordMetadata<?, ?> origin, String value) {
        this.origin = origin;
        this.headers = textHeaders(origin);
        this.key = origin.getKey() == null ? null : origin.getKey().toString();
        this.value = value;
    }

    /** The record behind a message of a Kafka channel. */
    public static InboundRecord of(Message<String> message) {
        IncomingKafkaRecordMetadata<?, ?> origin = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalArgumentException("not a message of a Kafka channel"));
        return new InboundRecord(origin, message.getPayload());
    }

    /** What an attributes-and-payload read gives: the record's CloudEvents attributes and its contract payload. */
    public record Received<T>(CloudEventAttributes attributes, T payload) {
    }

    /** Where the record came from (topic, partition, offset, key, raw headers): what the dead-letter topic keeps. */
    public IncomingKafkaRecordMetadata<?, ?> origin() {
        return origin;
    }

    /** The headers as UTF-8 text, the last value of a repeated header winning. */
    public Map<String, String> headers() {
        return headers;
    }

    /** The record key as text, null when the record has none. */
    public String key() {
        return key;
    }

    /** The record value, untouched. */
    public String value() {
        return value;
    }

    /** The CloudEvents type header, null when missing. */
    public String type() {
        return headers.get(CloudEventHeaders.TYPE);
    }

    /** The payload class registered for the record's type, empty when the type is missing or unknown. */
    public Optional<Class<?>> contract() {
        String type = type();
        return type == null ? Optional.empty() : Contracts.find(type).map(contract -> contract.payloadClass());
    }

    /** The CloudEvents id alone (what processed_message remembers), for consumers that need no other attribute. */
    public String id() throws PoisonRecordException {
        requireType();
        String id = headers.get(CloudEventHeaders.ID);
        if (id == null || id.isBlank()) {
            throw new PoisonRecordException("missing header " + CloudEventHeaders.ID);
        }
        return id;
    }

    /** All CloudEvents attributes; id, source, type and time are required. */
    public CloudEventAttributes attributes() throws PoisonRecordException {
        requireType();
        try {
            return CloudEventAttributes.fromKafkaHeaders(headers);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PoisonRecordException("bad CloudEvents headers: " + abbreviate(e.getMessage()));
        }
    }

    /**
     * The JSON data as the contract class registered for the record's type, which must be an {@code expected}.
     * A journey-scoped payload must also be the record key's: the key decides the partition, hence the order.
     */
    public <T> T payload(Class<T> expected) throws PoisonRecordException {
        String type = requireType();
        Class<?> payloadClass = contract()
                .orElseThrow(() -> new PoisonRecordException("unknown CloudEvents type '" + abbreviate(type) + "'"));
        if (!expected.isAssignableFrom(payloadClass)) {
            throw new PoisonRecordException("type '" + abbreviate(type) + "' is not a " + expected.getSimpleName());
        }
        requireValue();
        T payload;
        try {
            payload = expected.cast(ContractJson.mapper().readValue(value, payloadClass));
        } catch (JsonProcessingException e) {
            // the original message names the problem and its location without echoing the document
            throw new PoisonRecordException("unreadable " + type + " payload: " + abbreviate(e.getOriginalMessage()));
        } catch (IllegalArgumentException | NullPointerException e) {
            // a record's compact constructor refused a value
            throw new PoisonRecordException("invalid " + type + " payload: " + abbreviate(String.valueOf(e.getMessage())));
        }
        if (payload instanceof JourneyScoped scoped && (key == null || scoped.journeyId() == null || !key.equals(scoped.kafkaKey()))) {
            throw new PoisonRecordException("record key does not match the payload's journey id");
        }
        return payload;
    }

    /** {@link #attributes()} and {@link #payload(Class)} together, in that order. */
    public <T> Received<T> read(Class<T> expected) throws PoisonRecordException {
        CloudEventAttributes attributes = attributes();
        return new Received<>(attributes, payload(expected));
    }

    /** The JSON data as a tree, for contracts a consumer reads a few fields of without their class. */
    public JsonNode tree() throws PoisonRecordException {
        String type = requireType();
        requireValue();
        JsonNode node;
        try {
            node = ContractJson.mapper().readTree(value);
        } catch (JsonProcessingException e) {
            throw new PoisonRecordException("unreadable " + type + " payload: " + abbreviate(e.getOriginalMessage()));
        }
        if (node == null || !node.isObject()) {
            throw new PoisonRecordException("the " + type + " payload is not a JSON object");
        }
        return node;
    }

    /**
     * What every consumer refuses before it looks further, whatever it cares about: a record too large for any
     * contract, one without a CloudEvents type, of a type the registry does not know, or of a type that belongs on
     * another topic. Nothing can tell such a record harmless, so it is parked rather than skipped.
     */
    public void admit(String logicalTopic, int maxBytes) throws PoisonRecordException {
        // UTF-8 takes at most 3 bytes per char (a surrogate pair, 4 for 2): count only when it could matter
        if (value != null && value.length() * 3L > maxBytes) {
            int bytes = value.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > maxBytes) {
                throw new PoisonRecordException("record too large: " + bytes + " bytes, at most " + maxBytes);
            }
        }
        String type = requireType();
        Contract contract = Contracts.find(type)
                .orElseThrow(() -> new PoisonRecordException("unknown CloudEvents type '" + abbreviate(type) + "'"));
        if (!contract.topic().equals(logicalTopic)) {
            throw new PoisonRecordException("type '" + abbreviate(type) + "' does not travel on " + logicalTopic);
        }
    }

    /** Cuts a text that goes into a reason (a type, a parser's message) to a bounded length. */
    public static String abbreviate(String text) {
        return text == null || text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON) + "…";
    }

    private String requireType() throws PoisonRecordException {
        String type = type();
        if (type == null) {
            throw new PoisonRecordException("missing header " + CloudEventHeaders.TYPE);
        }
        return type;
    }

    private void requireValue() throws PoisonRecordException {
        if (value == null || value.isBlank()) {
            throw new PoisonRecordException("empty payload");
        }
    }

    private static Map<String, String> textHeaders(IncomingKafkaRecordMetadata<?, ?> origin) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : origin.getHeaders()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        return Collections.unmodifiableMap(headers);
    }
}
