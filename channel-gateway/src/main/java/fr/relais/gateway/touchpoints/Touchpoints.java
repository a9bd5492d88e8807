package fr.relais.gateway.touchpoints;

import com.fasterxml.jackson.core.JsonProcessingException;
import fr.relais.events.CloudEventAttributes;
import fr.relais.events.ContractJson;
import fr.relais.events.Topics;
import fr.relais.events.channel.Channel;
import fr.relais.events.channel.Touchpoint;
import fr.relais.events.channel.TouchpointKind;
import fr.relais.gateway.config.GatewayConfig;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** Publishes channel interactions to channel.touchpoints: ids, kinds, steps and channels only, never personal data. */
@ApplicationScoped
public class Touchpoints {

    @Inject
    @org.eclipse.microprofile.reactive.messaging.Channel("channel-touchpoints")
    MutinyEmitter<String> emitter;

    @Inject
    GatewayConfig config;

    public void emit(UUID journeyId, TouchpointKind kind, String stepId, Channel channel, String site, int count) {
        publish(UUID.randomUUID(), journeyId, kind, stepId, channel, site, count);
    }

    /**
     * A touchpoint that follows from a decided command: its id is derived from the command's, so a retried request
     * (answered again with the same outcome) publishes the same touchpoint, which mediation-service counts once.
     */
    public void emitFor(UUID commandId, UUID journeyId, TouchpointKind kind, String stepId, Channel channel, String site, int count) {
        UUID id = UUID.nameUUIDFromBytes(("touchpoint\n" + kind.name() + "\n" + commandId).getBytes(StandardCharsets.UTF_8));
        publish(id, journeyId, kind, stepId, channel, site, count);
    }

    private void publish(UUID touchpointId, UUID journeyId, TouchpointKind kind, String stepId, Channel channel, String site, int count) {
        Touchpoint touchpoint = new Touchpoint(touchpointId, journeyId, kind, stepId, channel, site, count, Instant.now());
        RecordHeaders headers = new RecordHeaders();
        CloudEventAttributes.forPayload("channel-gateway", touchpoint, null, null).toKafkaHeaders()
                .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        String json;
        try {
            json = ContractJson.mapper().writeValueAsString(touchpoint);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a touchpoint could not be written", e);
        }
        emitter.sendMessage(Message.of(json).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(config.topic(Topics.CHANNEL_TOUCHPOINTS))
                        .withKey(journeyId.toString()).withHeaders(headers).build()))
                // a touchpoint is a signal, not a state change: a failed send is logged, the request goes on
                .subscribe().with(ok -> { }, failure -> Log.warnf("touchpoint not published: %s", failure.toString()));
    }
}
