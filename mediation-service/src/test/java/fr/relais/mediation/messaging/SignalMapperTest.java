package fr.relais.mediation.messaging;

import fr.relais.events.CloudEventAttributes;
import fr.relais.events.channel.Channel;
import fr.relais.events.journey.Actor;
import fr.relais.events.journey.CallbackAttempted;
import fr.relais.mediation.domain.Signal;
import fr.relais.mediation.domain.SignalKind;
import fr.relais.mediation.service.Ingest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SignalMapperTest {

    static final Actor PAUL = new Actor("paul", Set.of("phone-agent"), "tel-national", Channel.PHONE);
    static final UUID JOURNEY = UUID.randomUUID();
    static final UUID CALLBACK = UUID.randomUUID();

    static Optional<Ingest> attempt(long sequence, String outcome, int failed) {
        CallbackAttempted event = new CallbackAttempted(JOURNEY, sequence, Instant.parse("2026-11-30T10:00:00Z"), PAUL, CALLBACK,
                outcome, failed, false);
        return SignalMapper.fromJourneyEvent(event, CloudEventAttributes.forPayload("test", event, null, null));
    }

    @Test
    void aCallBackFailedTwiceIsOneCallbackFailedSignal() {
        assertThat(attempt(3, "no-answer", 1)).isEmpty();
        assertThat(attempt(4, "reached", 2)).isEmpty();
        Signal second = attempt(5, "call-dropped", 2).orElseThrow().signals().get(0);
        assertThat(second.kind()).isEqualTo(SignalKind.CALLBACK_FAILED);
        assertThat(second.channel()).isEqualTo("phone");
        // keyed by the call back: a third failure is the same signal, stored once
        assertThat(attempt(6, "wrong-number", 3).orElseThrow().signals().get(0).sourceId()).isEqualTo(second.sourceId());
        // the phone platform's site does not move the journey to its pool
        assertThat(attempt(5, "no-answer", 2).orElseThrow().site()).isNull();
    }
}
