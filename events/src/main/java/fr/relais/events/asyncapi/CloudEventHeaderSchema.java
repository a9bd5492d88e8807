package fr.relais.events.asyncapi;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.relais.events.CloudEventAttributes;
import fr.relais.events.CloudEventHeaders;

/** The Kafka headers of a record as AsyncAPI schemas: CloudEvents 1.0 binary mode, and what a dead letter adds. */
final class CloudEventHeaderSchema {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private CloudEventHeaderSchema() {
    }

    /** The headers of a record of {@code type}: its {@code ce_type} is that type and nothing else. */
    static ObjectNode of(String type) {
        ObjectNode schema = JSON.objectNode();
        schema.put("type", "object");
        schema.putArray("required")
                .add(CloudEventHeaders.SPEC_VERSION).add(CloudEventHeaders.ID).add(CloudEventHeaders.SOURCE)
                .add(CloudEventHeaders.TYPE).add(CloudEventHeaders.TIME).add(CloudEventHeaders.CONTENT_TYPE);
        ObjectNode properties = schema.putObject("properties");
        properties.putObject(CloudEventHeaders.SPEC_VERSION).put("const", CloudEventAttributes.SPEC_VERSION);
        text(properties, CloudEventHeaders.ID, "unique per record (a UUID); receivers de-duplicate on it");
        text(properties, CloudEventHeaders.SOURCE, "the producing service, e.g. journey-service");
        properties.putObject(CloudEventHeaders.TYPE).put("const", type);
        text(properties, CloudEventHeaders.TIME, "when the record was produced (RFC 3339)").put("format", "date-time");
        properties.putObject(CloudEventHeaders.CONTENT_TYPE).put("const", CloudEventAttributes.DATA_CONTENT_TYPE);
        text(properties, CloudEventHeaders.SUBJECT, "the journey id, for journey-scoped records");
        text(properties, CloudEventHeaders.CORRELATION_ID, "the id of the record that started the chain");
        text(properties, CloudEventHeaders.CAUSATION_ID, "the id of the record that directly caused this one");
        return schema;
    }

    static ObjectNode deadLetter() {
        ObjectNode schema = JSON.objectNode();
        schema.put("type", "object");
        schema.put("description", "The original record's headers (CloudEvents ce_* when it had them), plus the three below.");
        schema.putArray("required").add(CloudEventHeaders.DLQ_REASON_HEADER).add(CloudEventHeaders.DLQ_ORIGIN_HEADER)
                .add(CloudEventHeaders.DLQ_CONSUMER_HEADER);
        ObjectNode properties = schema.putObject("properties");
        text(properties, CloudEventHeaders.DLQ_REASON_HEADER, "why it was parked: a short machine-readable code, never a payload excerpt");
        text(properties, CloudEventHeaders.DLQ_ORIGIN_HEADER, "where it was read: topic/partition@offset");
        text(properties, CloudEventHeaders.DLQ_CONSUMER_HEADER, "the service that parked it (quarkus.application.name)");
        return schema;
    }

    private static ObjectNode text(ObjectNode properties, String name, String description) {
        return properties.putObject(name).put("type", "string").put("description", description);
    }
}
