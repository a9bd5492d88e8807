package fr.relais.events.journey;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Asks the phone platform to call the citizen back in one of the {@link CallbackWindows}. The phone number stays in
 * journey-service's database under {@code callbackId}; only the id and codes travel.
 */
public record RequestCallback(UUID commandId, UUID journeyId, Actor actor, Instant issuedAt, UUID callbackId,
                              String reasonCode, List<String> windows) implements JourneyCommand {

    public RequestCallback {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(journeyId, "journeyId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(callbackId, "callbackId");
        Objects.requireNonNull(reasonCode, "reasonCode");
        windows = windows == null ? List.of() : List.copyOf(windows);
    }
}
