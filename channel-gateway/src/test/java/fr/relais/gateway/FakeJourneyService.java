package fr.relais.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import fr.relais.events.CloudEventAttributes;
import fr.relais.events.ContractJson;
import fr.relais.events.Topics;
import fr.relais.events.journey.CommandOutcome;
import fr.relais.gateway.stub.JourneyServiceStub;
import fr.relais.testsupport.TopicCollector;
import fr.relais.testsupport.TopicSender;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Plays journey-service on Kafka for the gateway's component tests: it answers each command on the
 * outcomes topic — accepted, rejected with field errors (step "formulaire"), or late (step "lent") — and
 * answers a redelivered command id with the same outcome, as journey-service does; its decided commands are what
 * {@link JourneyServiceStub}'s GET /commands/{id} answers their issuer.
 */
final class FakeJourneyService implements AutoCloseable {

    final TopicCollector commands = new TopicCollector(TestTopics.of(Topics.JOURNEY_COMMANDS));
    private final TopicSender sender = new TopicSender();
    private final Map<String, CommandOutcome> decided = new ConcurrentHashMap<>();
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor();
    private int handled;

    FakeJourneyService() {
        loop.scheduleWithFixedDelay(this::answerNew, 50, 50, TimeUnit.MILLISECONDS);
    }

    private void answerNew() {
        List<TopicCollector.Received> all = commands.all();
        for (; handled < all.size(); handled++) {
            TopicCollector.Received record = all.get(handled);
            try {
                JsonNode command = ContractJson.mapper().readTree(record.value());
                String commandId = command.path("commandId").asText();
                CommandOutcome outcome = decided.computeIfAbsent(commandId, id -> decide(command));
                long delay = "lent".equals(command.path("stepId").asText()) ? 3500 : 0;
                String issuer = command.path("actor").path("subject").asText();
                loop.schedule(() -> publish(outcome, issuer), delay, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static CommandOutcome decide(JsonNode command) {
        UUID commandId = UUID.fromString(command.path("commandId").asText());
        UUID journeyId = UUID.fromString(command.path("journeyId").asText());
        if ("formulaire".equals(command.path("stepId").asText())) {
            return new CommandOutcome(commandId, journeyId, CommandOutcome.Status.REJECTED, "field-invalid", "2 fields invalid",
                    List.of(new CommandOutcome.FieldError("code-postal", "pattern"), new CommandOutcome.FieldError("motif", "required")),
                    List.of(), 2, "IN_PROGRESS", Instant.now());
        }
        if (command.has("toStepId")) {
            // a step back: to a step of the procedure, by the citizen; staff here have no reason to act (no claim, no call)
            if (!JourneyServiceStub.STEPS.contains(command.path("toStepId").asText())) {
                return new CommandOutcome(commandId, journeyId, CommandOutcome.Status.REJECTED, "unknown-step", null, List.of(),
                        List.of(), 2, "IN_PROGRESS", Instant.now());
            }
            boolean citizen = false;
            for (JsonNode role : command.path("actor").path("roles")) {
                citizen |= "citizen".equals(role.asText());
            }
            if (!citizen) {
                return new CommandOutcome(commandId, journeyId, CommandOutcome.Status.REJECTED, "verification-required", null, List.of(),
                        List.of(), 2, "IN_PROGRESS", Instant.now());
            }
        }
        if ("claim-someone-elses".equals(command.path("stepId").asText())) {
            return new CommandOutcome(commandId, journeyId, CommandOutcome.Status.REJECTED, "already-claimed", null, List.of(),
                    List.of(), 3, "WITH_AGENT", Instant.now());
        }
        return new CommandOutcome(commandId, journeyId, CommandOutcome.Status.ACCEPTED, null, null, List.of(),
                List.of(UUID.randomUUID()), 1, "IN_PROGRESS", Instant.now());
    }

    /** Stored for GET /commands/{id} (the HTTP stub), then published: journey-service records before it publishes. */
    private void publish(CommandOutcome outcome, String issuer) {
        try {
            JourneyServiceStub.COMMANDS.put(outcome.commandId(),
                    new JourneyServiceStub.Decided(issuer, ContractJson.mapper().writeValueAsString(outcome)));
            sender.send(TestTopics.of(Topics.JOURNEY_OUTCOMES), outcome.journeyId().toString(),
                    CloudEventAttributes.forPayload("journey-service", outcome, null, null).toKafkaHeaders(),
                    ContractJson.mapper().writeValueAsString(outcome));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws Exception {
        loop.shutdownNow();
        commands.close();
        sender.close();
    }
}
