package fr.relais.gateway.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import fr.relais.events.CloudEventAttributes;
import fr.relais.events.ContractJson;
import fr.relais.events.Contracts;
import fr.relais.events.Topics;
import fr.relais.events.journey.CommandOutcome;
import fr.relais.events.journey.JourneyCommand;
import fr.relais.gateway.config.GatewayConfig;
import fr.relais.gateway.store.PendingCommands;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Sends commands to journey-service (journey.commands, keyed by journey id) and waits, for a while, for
 * their outcome on journey.outcomes. A command whose outcome comes late is answered 202 and recorded as pending in
 * the gateway's database ({@link PendingCommands}); its poll asks journey-service, the authority on commands, so it
 * works on any instance and after a restart. Only the waiting requests are in memory: each is its own instance's.
 * A command id sent again (a retry under the same Idempotency-Key) is sent again: journey-service decides it once and
 * answers its stored outcome again on journey.outcomes, so no memory of past outcomes is needed here.
 */
@ApplicationScoped
public class CommandGateway {

    private static final String SOURCE = "channel-gateway";

    @Inject
    @Channel("journey-commands")
    MutinyEmitter<String> emitter;

    @Inject
    GatewayConfig config;

    @Inject
    MeterRegistry registry;

    @Inject
    PendingCommands pending;

    @Inject
    CommandBacklog backlog;

    private final Map<UUID, CompletableFuture<CommandOutcome>> waiting = new ConcurrentHashMap<>();

    public Uni<CommandResult> submit(JourneyCommand command) {
        // registered before sending, so an outcome arriving fast is never missed
        CompletableFuture<CommandOutcome> outcome = waiting.computeIfAbsent(command.commandId(), id -> new CompletableFuture<>());
        long sentAt = System.nanoTime();
        backlog.sent(command.commandId(), command.actor().subject(), command.journeyId());
        return emitter.sendMessage(Message.of(json(command)).addMetadata(metadata(command)))
                .chain(() -> Uni.createFrom().completionStage(outcome))
                .ifNoItem().after(config.outcomeWait()).recoverWithItem(() -> null)
                .invoke(decided -> roundTrip(command, decided, System.nanoTime() - sentAt))
                .flatMap(decided -> decided != null ? Uni.createFrom().item(decided) : recordPending(command))
                .map(decided -> new CommandResult(command.commandId(), command.journeyId(), decided))
                .eventually(() -> waiting.remove(command.commandId()));
    }

    /**
     * Before the 202 goes out. If the database does not answer, the 202 goes out all the same: the command is on its
     * way and its poll still gets the outcome from journey-service once decided (only "still pending" is lost), where a
     * 503 would invite a retry that, without an Idempotency-Key, is a second command.
     */
    private Uni<CommandOutcome> recordPending(JourneyCommand command) {
        return pending.record(command.commandId(), command.actor().subject(), command.journeyId())
                .onFailure().recoverWithNull()
                .replaceWith((CommandOutcome) null);
    }

    /** Sent to the command topic -> outcome read back (or the wait given up): what a user waits for. */
    private void roundTrip(JourneyCommand command, CommandOutcome decided, long nanos) {
        String result = decided == null ? "pending" : decided.status().name().toLowerCase(Locale.ROOT);
        Timer.builder("relais_gateway_command_round_trip_seconds")
                .description("From sending a journey command to reading its outcome; pending when the wait ran out")
                .tags("command", Contracts.typeOf(command.getClass()).replace("relais.journey.command.", "").replace(".v1", ""),
                        "result", result)
                .serviceLevelObjectives(SLO_BUCKETS)
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    private static final Duration[] SLO_BUCKETS = {Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofSeconds(2), Duration.ofSeconds(4)};

    /** Called for every outcome this instance sees (each instance reads all of journey.outcomes). */
    public void onOutcome(CommandOutcome outcome) {
        backlog.decided(outcome.commandId());
        CompletableFuture<CommandOutcome> waiter = waiting.get(outcome.commandId());
        if (waiter != null) {
            waiter.complete(outcome);
        }
    }

    private OutgoingKafkaRecordMetadata<String> metadata(JourneyCommand command) {
        RecordHeaders headers = new RecordHeaders();
        CloudEventAttributes.forPayload(SOURCE, command, null, null).toKafkaHeaders()
                .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        return OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(config.topic(Topics.JOURNEY_COMMANDS))
                .withKey(command.kafkaKey())
                .withHeaders(headers)
                .build();
    }

    private static String json(Object payload) {
        try {
            return ContractJson.mapper().writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a command could not be written as JSON", e);
        }
    }
}
