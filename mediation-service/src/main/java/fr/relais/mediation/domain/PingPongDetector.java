package fr.relais.mediation.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Channel ping-pong: the same step attempted on two or more channels within a window (portal, then the
 * phone, then the desk for the same form). Every signal that names a step and a channel is an attempt.
 * Attempts on either side of the incoming signal count (records of different topics arrive in any order).
 * The derived signal's source id names the journey, the step and the set of channels, so the same
 * ping-pong is counted once, and a third channel counts again.
 */
public final class PingPongDetector {

    private PingPongDetector() {
    }

    public static Optional<Signal> detect(Collection<Signal> history, Signal incoming, Duration window) {
        if (incoming.stepId() == null || incoming.channel() == null || incoming.kind() == SignalKind.CHANNEL_PING_PONG) {
            return Optional.empty();
        }
        TreeSet<String> channels = new TreeSet<>();
        channels.add(incoming.channel());
        List<Signal> attempts = new ArrayList<>(history);
        for (Signal signal : attempts) {
            if (signal.kind() != SignalKind.CHANNEL_PING_PONG && incoming.stepId().equals(signal.stepId())
                    && signal.channel() != null
                    && Duration.between(signal.occurredAt(), incoming.occurredAt()).abs().compareTo(window) <= 0) {
                channels.add(signal.channel());
            }
        }
        if (channels.size() < 2) {
            return Optional.empty();
        }
        String sourceId = "ping-pong:" + incoming.journeyId() + ":" + incoming.stepId() + ":" + String.join("+", channels);
        return Optional.of(new Signal(sourceId, incoming.journeyId(), SignalKind.CHANNEL_PING_PONG, incoming.stepId(),
                incoming.channel(), incoming.site(), channels.size() - 1, incoming.occurredAt()));
    }
}
