package fr.relais.events.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.relais.events.CloudEventAttributes;
import fr.relais.events.CloudEventHeaders;
import fr.relais.events.Contract;
import fr.relais.events.Contracts;
import fr.relais.events.Topics;

import java.util.List;

/**
 * The AsyncAPI 3.0 document of every Kafka topic, generated from the code so it cannot drift: channels from
 * {@link Topics}, messages from the {@link Contracts} registry with their JSON Schemas inlined, senders and
 * receivers from the deployed ACLs. {@code docs/asyncapi.json} is this document; a test in this module fails
 * when the committed file differs ({@code ./relais contracts} rewrites it).
 */
public final class AsyncApiDocument {

    public static final String VERSION = "3.0.0";
    private static final String KAFKA_BINDING = "0.5.0";
    private static final String PAYLOAD_FORMAT = "application/schema+json;version=draft-2020-12";
    private static final String DEAD_LETTER = "DeadLetter";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private AsyncApiDocument() {
    }

    public static ObjectNode build(List<TopicAccess> acls) {
        ObjectNode doc = JSON.objectNode();
        doc.put("asyncapi", VERSION);
        doc.set("info", info());
        doc.put("defaultContentType", CloudEventAttributes.DATA_CONTENT_TYPE);
        doc.set("servers", servers());
        ObjectNode channels = doc.putObject("channels");
        for (String topic : Topics.ALL) {
            channels.set(channelId(topic), channel(topic));
            channels.set(channelId(Topics.dlq(topic)), deadLetterChannel(topic));
        }
        doc.set("operations", operations(acls, channels));
        doc.set("components", components());
        return doc;
    }

    private static ObjectNode info() {
        ObjectNode info = JSON.objectNode();
        info.put("title", "Relais Kafka contracts");
        info.put("version", "1");
        info.put("description", """
                Every record Relais writes to Kafka: commands to journey-service, its outcomes and facts, channel \
                touchpoints, appointment, mediation and notification events, and the dead-letter topics. Records are CloudEvents 1.0 \
                in binary mode (ce_* headers, JSON data), keyed by journey id. No personal data travels here: ids, \
                codes from closed lists, step names and timestamps only; form answers cross sealed. Evolution is \
                additive; a breaking change is a new type version (.v2). Generated from the code (events module); \
                do not edit by hand.""");
        return info;
    }

    private static ObjectNode servers() {
        ObjectNode servers = JSON.objectNode();
        ObjectNode devstack = servers.putObject("devstack");
        devstack.put("host", "127.0.0.1:19092");
        devstack.put("protocol", "kafka");
        devstack.put("description", "The local devstack's broker (./relais up); SASL SCRAM-SHA-512, one principal per service.");
        devstack.putArray("security").addObject().put("$ref", "#/components/securitySchemes/scram");
        return servers;
    }

    private static ObjectNode channel(String topic) {
        ObjectNode channel = JSON.objectNode();
        channel.put("address", topic);
        ObjectNode messages = channel.putObject("messages");
        for (Contract contract : Contracts.all()) {
            if (contract.topic().equals(topic)) {
                messages.putObject(messageId(contract)).put("$ref", "#/components/messages/" + messageId(contract));
            }
        }
        channel.set("bindings", topicBinding(topic));
        return channel;
    }

    private static ObjectNode deadLetterChannel(String topic) {
        ObjectNode channel = JSON.objectNode();
        channel.put("address", Topics.dlq(topic));
        channel.put("description", "Records of " + topic + " a consumer could not use, parked unchanged for a person to inspect.");
        channel.putObject("messages").putObject(DEAD_LETTER).put("$ref", "#/components/messages/" + DEAD_LETTER);
        channel.set("bindings", topicBinding(Topics.dlq(topic)));
        return channel;
    }

    private static ObjectNode topicBinding(String topic) {
        ObjectNode bindings = JSON.objectNode();
        ObjectNode kafka = bindings.putObject("kafka");
        kafka.put("partitions", Topics.partitions(topic));
        kafka.put("bindingVersion", KAFKA_BINDING);
        return bindings;
    }

    private static ObjectNode operations(List<TopicAccess> acls, ObjectNode channels) {
        ObjectNode operations = JSON.objectNode();
        for (TopicAccess access : acls) {
            String channelId = channelId(access.topic());
            JsonNode channel = channels.get(channelId);
            if (channel == null) {
                throw new IllegalArgumentException("ACL names a topic that Topics does not: " + access.topic());
            }
            boolean sends = access.operation() == TopicAccess.Operation.WRITE;
            ObjectNode operation = operations.putObject(camel(access.principal()) + (sends ? "Sends" : "Receives")
                    + capitalise(channelId));
            operation.put("action", sends ? "send" : "receive");
            operation.putObject("channel").put("$ref", "#/channels/" + channelId);
            operation.put("summary", access.principal() + (sends ? " writes to " : " reads ") + access.topic());
            ArrayNode messages = operation.putArray("messages");
            channel.get("messages").fieldNames().forEachRemaining(message ->
                    messages.addObject().put("$ref", "#/channels/" + channelId + "/messages/" + message));
        }
        return operations;
    }

    private static ObjectNode components() {
        ObjectNode components = JSON.objectNode();
        ObjectNode messages = components.putObject("messages");
        for (Contract contract : Contracts.all()) {
            messages.set(messageId(contract), message(contract));
        }
        messages.set(DEAD_LETTER, deadLetterMessage());
        components.putObject("securitySchemes").putObject("scram")
                .put("type", "scramSha512")
                .put("description", "One principal per service; the broker's ACLs allow each only the topics named in this document.");
        components.putObject("correlationIds").putObject("chain")
                .put("description", "The id of the record that started the chain (a portal click's command, say).")
                .put("location", "$message.header#/" + CloudEventHeaders.CORRELATION_ID);
        return components;
    }

    private static ObjectNode message(Contract contract) {
        JsonNode schema = contract.schema();
        ObjectNode message = JSON.objectNode();
        message.put("name", contract.type());
        message.put("title", contract.payloadClass().getSimpleName());
        if (schema.hasNonNull("description")) {
            message.put("summary", schema.get("description").asText());
        }
        message.put("contentType", CloudEventAttributes.DATA_CONTENT_TYPE);
        message.set("headers", CloudEventHeaderSchema.of(contract.type()));
        ObjectNode payload = message.putObject("payload");
        payload.put("schemaFormat", PAYLOAD_FORMAT);
        payload.set("schema", schema);
        message.putObject("correlationId").put("$ref", "#/components/correlationIds/chain");
        ObjectNode kafka = message.putObject("bindings").putObject("kafka");
        kafka.putObject("key").put("type", "string").put("description", "the journey id (a UUID): one journey, one partition, one order");
        kafka.put("bindingVersion", KAFKA_BINDING);
        return message;
    }

    private static ObjectNode deadLetterMessage() {
        ObjectNode message = JSON.objectNode();
        message.put("name", DEAD_LETTER);
        message.put("title", "A record parked on a dead-letter topic");
        message.put("summary", "The original record, key, headers and bytes unchanged, plus why and from where it was parked.");
        message.set("headers", CloudEventHeaderSchema.deadLetter());
        message.putObject("payload").put("description", "the original record's bytes, unchanged (possibly not JSON)");
        return message;
    }

    private static String messageId(Contract contract) {
        return contract.payloadClass().getSimpleName();
    }

    /** {@code journey.commands.dlq} becomes {@code journeyCommandsDlq}. */
    static String channelId(String topic) {
        return camel(topic);
    }

    private static String camel(String dotted) {
        StringBuilder id = new StringBuilder();
        for (String part : dotted.split("[.-]")) {
            id.append(id.isEmpty() ? part : capitalise(part));
        }
        return id.toString();
    }

    private static String capitalise(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
