package fr.relais.gateway.web;

import fr.relais.gateway.downstream.JourneyAnswers;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Until when the phone agent may act on a journey after a verified call, read from its timeline: journey-service does
 * not answer the end itself. A caller verified alone is the gateway's VerifyCaller, whose time box the gateway chose
 * ({@code relais.gateway.caller-verification}); one sharing its instant with another event was decided with it by
 * journey-service (a journey started on the call, a call back reached), whose time box is 30 minutes
 * (JourneyDecider.VERIFICATION_MINUTES).
 */
final class VerificationTimeBox {

    static final Duration JOURNEY_SERVICE_TIME_BOX = Duration.ofMinutes(30);

    private VerificationTimeBox() {
    }

    /** The end of the latest phone agent's verification, if there was one. */
    static Optional<Instant> end(JourneyAnswers.Detail journey, Duration gatewayTimeBox) {
        List<JourneyAnswers.TimelineEntry> timeline = journey.timeline() == null ? List.of() : journey.timeline();
        for (int i = timeline.size() - 1; i >= 0; i--) {
            JourneyAnswers.TimelineEntry entry = timeline.get(i);
            if ("caller-verified".equals(entry.what()) && entry.at() != null) {
                boolean withAnother = timeline.stream().anyMatch(other -> other != entry && entry.at().equals(other.at()));
                return Optional.of(entry.at().plus(withAnother ? JOURNEY_SERVICE_TIME_BOX : gatewayTimeBox));
            }
        }
        return Optional.empty();
    }
}
