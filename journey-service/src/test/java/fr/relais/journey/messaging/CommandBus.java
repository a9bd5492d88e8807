package fr.relais.journey.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import fr.relais.events.CloudEventAttributes;
import fr.relais.events.CloudEventHeaders;
import fr.relais.events.ContractJson;
import fr.relais.events.Contracts;
import fr.relais.events.Topics;
import fr.relais.events.channel.Channel;
import fr.relais.events.journey.Actor;
import fr.relais.events.journey.AnswerSealer;
import fr.relais.events.journey.SubmitStep;
import fr.relais.events.journey.JourneyCommand;
import fr.relais.journey.TestTopics;
import fr.relais.testsupport.JdbcDatabase;
import fr.relais.testsupport.TopicCollector;
import fr.relais.testsupport.TopicSender;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** Talks to journey-service the way the gateway and the other services do: commands in, outcomes and events out. */
public final class CommandBus implements AutoCloseable {

    public static final Actor CAMILLE = new Actor("00000000-0000-4000-8000-000000000001", Set.of("citizen"), null, Channel.PORTAL);
    public static final Actor AGNES = new Actor("00000000-0000-4000-8000-000000000004", Set.of("counter-agent"), "fs-aubervilliers", Channel.DESK);
    public static final AnswerSealer SEALER = AnswerSealer.fromBase64("local", "ZGV2LW9ubHkta2V5LW5vdC1hLXNlY3JldC0zMmJ5dGU=");

    /** A step submission as the gateway makes it: answers sealed for this journey, step and command. */
    public static SubmitStep submitStep(UUID commandId, UUID journeyId, Actor actor, String stepId, Map<String, String> answers) {
        return new SubmitStep(commandId, journeyId, actor, java.time.Instant.now(), stepId,
                SEALER.seal(answers, new AnswerSealer.Binding(journeyId, stepId, commandId)));
    }

    private static final JdbcDatabase DATABASE = new JdbcDatabase("journey_test", "journey");

    public final TopicSender sender = new TopicSender();
    public final TopicCollector outcomes = new TopicCollector(TestTopics.of(Topics.JOURNEY_OUTCOMES));
    public final TopicCollector events = new TopicCollector(TestTopics.of(Topics.JOURNEY_EVENTS));
    public final TopicCollector deadLetters = new TopicCollector(TestTopics.of(Topics.dlq(Topics.JOURNEY_COMMANDS)));

    public void send(JourneyCommand command) {
        CloudEventAttributes attributes = CloudEventAttributes.forPayload("channel-gateway", command, null, null);
        sendRaw(command.journeyId().toString(), attributes.toKafkaHeaders(), json(command));
    }

    /** Sends the command and fails the test unless it is accepted. */
    public void sendAccepted(JourneyCommand command) {
        send(command);
        org.assertj.core.api.Assertions.assertThat(outcomeOf(command.commandId()).path("status").asText())
                .as("outcome of %s", command.getClass().getSimpleName()).isEqualTo("ACCEPTED");
    }

    public void sendRaw(String key, Map<String, String> headers, String value) {
        sender.send(TestTopics.of(Topics.JOURNEY_COMMANDS), key, headers, value);
    }

    /** Waits for the outcome of a command and returns it as JSON. */
    public JsonNode outcomeOf(UUID commandId) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> outcomesOf(commandId), list -> !list.isEmpty()).get(0);
    }

    public List<JsonNode> outcomesOf(UUID commandId) {
        return outcomes.all().stream().map(r -> read(r.value()))
                .filter(node -> commandId.toString().equals(node.path("commandId").asText())).toList();
    }

    /**
     * The positive marker before asserting that nothing more was published: journey-service's outbox is drained and
     * every record on journey.events has been read here.
     */
    public void awaitEventsQuiet() {
        await("the outbox drained").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> DATABASE.count("select count(*) from outbox where published_at is null") == 0);
        events.awaitCaughtUp(Duration.ofSeconds(20));
    }

    public List<TopicCollector.Received> eventsOf(UUID journeyId) {
        return events.forKey(journeyId.toString());
    }

    public static Map<String, String> headersFor(String type, UUID journeyId) {
        return Map.of(CloudEventHeaders.SPEC_VERSION, "1.0", CloudEventHeaders.ID, UUID.randomUUID().toString(),
                CloudEventHeaders.SOURCE, "test", CloudEventHeaders.TYPE, type, CloudEventHeaders.SUBJECT, journeyId.toString(),
                CloudEventHeaders.TIME, java.time.Instant.now().toString());
    }

    public static String typeOf(Class<?> payload) {
        return Contracts.typeOf(payload);
    }

    public static JsonNode read(String json) {
        try {
            return ContractJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String json(Object value) {
        try {
            return ContractJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws Exception {
        sender.close();
        outcomes.close();
        events.close();
        deadLetters.close();
    }
}
