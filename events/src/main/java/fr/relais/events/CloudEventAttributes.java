package fr.relais.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The CloudEvents 1.0 attributes of one Kafka record. SmallRye writes them as binary-mode headers
 * ({@link CloudEventHeaders}); the payload record is the JSON {@code data}.
 *
 * @param id            unique per record (a UUID); receivers de-duplicate on it
 * @param source        the producing service, e.g. {@code journey-service}
 * @param type          the contract type, e.g. {@code relais.journey.step-completed.v1} ({@link Contracts})
 * @param subject       the journey id for journey-scoped records, else null
 * @param time          when the record was produced
 * @param correlationId the id of the record that started this chain (a portal click's command…)
 * @param causationId   the id of the record that directly caused this one, null at the start of a chain
 */
public record CloudEventAttributes(String id, String source, String type, String subject, Instant time,
                                   String correlationId, String causationId) {

    public static final String SPEC_VERSION = "1.0";
    public static final String DATA_CONTENT_TYPE = "application/json";
    /** Extension attribute names: CloudEvents allows only lowercase letters and digits. */
    public static final String CORRELATION_ID_EXTENSION = "correlationid";
    public static final String CAUSATION_ID_EXTENSION = "causationid";

    public CloudEventAttributes {
        requireText(id, "id");
        requireText(source, "source");
        requireText(type, "type");
        Objects.requireNonNull(time, "time");
    }

    /**
     * New attributes with a fresh UUID id and the current time. A null {@code correlationId} starts a
     * new chain: the record correlates with itself, so every record has a correlation id to follow.
     */
    public static CloudEventAttributes create(String source, String type, String subject,
                                              String correlationId, String causationId) {
        String id = UUID.randomUUID().toString();
        return new CloudEventAttributes(id, source, type, subject, Instant.now(),
                correlationId == null ? id : correlationId, causationId);
    }

    /** Attributes for a journey-scoped payload: type from the registry, journey id as subject. */
    public static CloudEventAttributes forPayload(String source, JourneyScoped payload,
                                                  String correlationId, String causationId) {
        return create(source, Contracts.typeOf(payload.getClass()), payload.journeyId().toString(),
                correlationId, causationId);
    }

    /** Attributes for a payload produced because of {@code cause}: same correlation, caused by it. */
    public static CloudEventAttributes causedBy(String source, JourneyScoped payload, CloudEventAttributes cause) {
        String correlation = cause.correlationId() == null ? cause.id() : cause.correlationId();
        return forPayload(source, payload, correlation, cause.id());
    }

    /** The binary-mode Kafka headers, for code that writes records without SmallRye's CloudEvents support. */
    public Map<String, String> toKafkaHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEventHeaders.SPEC_VERSION, SPEC_VERSION);
        headers.put(CloudEventHeaders.ID, id);
        headers.put(CloudEventHeaders.SOURCE, source);
        headers.put(CloudEventHeaders.TYPE, type);
        headers.put(CloudEventHeaders.TIME, time.toString());
        headers.put(CloudEventHeaders.CONTENT_TYPE, DATA_CONTENT_TYPE);
        putIfPresent(headers, CloudEventHeaders.SUBJECT, subject);
        putIfPresent(headers, CloudEventHeaders.CORRELATION_ID, correlationId);
        putIfPresent(headers, CloudEventHeaders.CAUSATION_ID, causationId);
        return headers;
    }

    /**
     * Reads the attributes back from binary-mode headers. {@code ce_time} may carry any RFC 3339 offset.
     *
     * @throws IllegalArgumentException if a required attribute is missing or the time is unreadable
     */
    public static CloudEventAttributes fromKafkaHeaders(Map<String, String> headers) {
        String time = headers.get(CloudEventHeaders.TIME);
        requireText(time, CloudEventHeaders.TIME);
        Instant instant;
        try {
            instant = OffsetDateTime.parse(time).toInstant();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unreadable " + CloudEventHeaders.TIME + ": " + time, e);
        }
        return new CloudEventAttributes(headers.get(CloudEventHeaders.ID), headers.get(CloudEventHeaders.SOURCE),
                headers.get(CloudEventHeaders.TYPE), headers.get(CloudEventHeaders.SUBJECT), instant,
                headers.get(CloudEventHeaders.CORRELATION_ID), headers.get(CloudEventHeaders.CAUSATION_ID));
    }

    private static void putIfPresent(Map<String, String> headers, String name, String value) {
        if (value != null) {
            headers.put(name, value);
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("CloudEvents attribute '" + name + "' is required");
        }
    }
}
