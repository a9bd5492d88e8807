package fr.relais.mediation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import fr.relais.events.CloudEventAttributes;
import fr.relais.events.CloudEventHeaders;
import fr.relais.events.ContractJson;
import fr.relais.events.Contracts;
import fr.relais.events.JourneyScoped;
import fr.relais.events.Topics;
import fr.relais.events.channel.Channel;
import fr.relais.events.channel.Touchpoint;
import fr.relais.events.channel.TouchpointKind;
import fr.relais.testsupport.TopicCollector;
import fr.relais.testsupport.TopicSender;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Talks to mediation-service as the gateway and the other services do: records in, events and commands out. */
public final class Bus implements AutoCloseable {

    public final TopicSender sender = new TopicSender();
    public final TopicCollector commands = new TopicCollector(TestTopics.of(Topics.JOURNEY_COMMANDS));
    public final TopicCollector mediation = new TopicCollector(TestTopics.of(Topics.MEDIATION_EVENTS));
    public final TopicCollector touchpointDlq = new TopicCollector(TestTopics.of(Topics.dlq(Topics.CHANNEL_TOUCHPOINTS)));
    public final TopicCollector journeyDlq = new TopicCollector(TestTopics.of(Topics.dlq(Topics.JOURNEY_EVENTS)));

    public static Touchpoint touchpoint(UUID journeyId, TouchpointKind kind, String step, Channel channel, String site,
                                        Instant at) {
        return new Touchpoint(UUID.randomUUID(), journeyId, kind, step, channel, site, 1, at);
    }

    /** Sends a payload with fresh CloudEvents attributes (a new record id), as its producer would. */
    public void send(String logicalTopic, JourneyScoped payload) {
        CloudEventAttributes attributes = CloudEventAttributes.forPayload("test", payload, null, null);
        sendRaw(logicalTopic, payload.kafkaKey(), attributes.toKafkaHeaders(), json(payload));
    }

    public void touch(Touchpoint touchpoint) {
        send(Topics.CHANNEL_TOUCHPOINTS, touchpoint);
    }

    public void sendRaw(String logicalTopic, String key, Map<String, String> headers, String value) {
        sender.send(TestTopics.of(logicalTopic), key, headers, value);
    }

    public static Map<String, String> headersFor(String type, UUID journeyId) {
        return Map.of(CloudEventHeaders.SPEC_VERSION, "1.0", CloudEventHeaders.ID, UUID.randomUUID().toString(),
                CloudEventHeaders.SOURCE, "test", CloudEventHeaders.TYPE, type, CloudEventHeaders.SUBJECT, journeyId.toString(),
                CloudEventHeaders.TIME, Instant.now().toString());
    }

    public List<TopicCollector.Received> commandsOf(UUID journeyId, Class<?> type) {
        return commands.matching(r -> journeyId.toString().equals(r.key())
                && Contracts.typeOf(type).equals(r.header(CloudEventHeaders.TYPE)));
    }

    public List<TopicCollector.Received> mediationOf(UUID journeyId, Class<?> type) {
        return mediation.matching(r -> journeyId.toString().equals(r.key())
                && Contracts.typeOf(type).equals(r.header(CloudEventHeaders.TYPE)));
    }

    public static <T> T read(TopicCollector.Received record, Class<T> type) {
        try {
            return ContractJson.mapper().readValue(record.value(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode tree(String json) {
        try {
            return ContractJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String json(Object value) {
        try {
            return ContractJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every record the service wrote while this bus listened matches its contract. */
    public void assertContractsRespected() {
        int[] checked = {0};
        List<String> problems = new java.util.ArrayList<>(ContractCheck.problems(commands.all(), checked));
        problems.addAll(ContractCheck.problems(mediation.all(), checked));
        if (!problems.isEmpty()) {
            throw new AssertionError("records that break their contract: " + problems);
        }
    }

    @Override
    public void close() throws Exception {
        assertContractsRespected();
        sender.close();
        commands.close();
        mediation.close();
        touchpointDlq.close();
        journeyDlq.close();
    }
}
