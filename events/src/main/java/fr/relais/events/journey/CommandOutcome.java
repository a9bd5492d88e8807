package fr.relais.events.journey;

import fr.relais.events.JourneyScoped;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * journey-service's answer to one command, on {@code journey.outcomes}; the gateway matches it to the
 * waiting request by {@link #commandId()}.
 *
 * @param reason        machine-readable code when rejected (see the {@code REASON_} constants; others may
 *                      be added), null when accepted
 * @param detail        a short technical explanation for logs, never personal data (no field values)
 * @param fieldErrors   which fields broke which rule, when {@code reason} is {@value #REASON_FIELD_INVALID}
 * @param eventIds      CloudEvents ids of the events the command produced, empty when rejected
 * @param version       the journey's last event sequence after the decision, 0 for an unknown journey
 * @param journeyStatus a {@link JourneyStatus} name after the decision, null for an unknown journey
 */
public record CommandOutcome(UUID commandId, UUID journeyId, Status status, String reason, String detail,
                             List<FieldError> fieldErrors, List<UUID> eventIds, long version,
                             String journeyStatus, Instant decidedAt) implements JourneyScoped {

    public static final String REASON_FIELD_INVALID = "field-invalid";
    public static final String REASON_NOT_ALLOWED = "not-allowed";
    public static final String REASON_ALREADY_CLAIMED = "already-claimed";
    public static final String REASON_UNKNOWN_JOURNEY = "unknown-journey";

    public enum Status { ACCEPTED, REJECTED }

    /**
     * One field that broke one rule.
     *
     * @param field the field name, never its value
     * @param rule  a rule code, e.g. {@code required}, {@code pattern}, {@code max-length}
     */
    public record FieldError(String field, String rule) {
        public FieldError {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(rule, "rule");
        }
    }

    public CommandOutcome {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(journeyId, "journeyId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(decidedAt, "decidedAt");
        // The gateway turns a rejection into a problem detail: it needs a reason, and only a rejection has one.
        if ((status == Status.REJECTED) == (reason == null)) {
            throw new IllegalArgumentException("a reason is required exactly when the command is rejected");
        }
        fieldErrors = fieldErrors == null ? List.of() : List.copyOf(fieldErrors);
        eventIds = eventIds == null ? List.of() : List.copyOf(eventIds);
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative: " + version);
        }
    }

    public static CommandOutcome accepted(JourneyCommand command, List<UUID> eventIds, long version,
                                          JourneyStatus journeyStatus, Instant decidedAt) {
        return new CommandOutcome(command.commandId(), command.journeyId(), Status.ACCEPTED, null, null,
                List.of(), eventIds, version, journeyStatus.name(), decidedAt);
    }

    /** @param journeyStatus null when the journey is unknown */
    public static CommandOutcome rejected(JourneyCommand command, String reason, String detail,
                                          List<FieldError> fieldErrors, long version,
                                          JourneyStatus journeyStatus, Instant decidedAt) {
        return new CommandOutcome(command.commandId(), command.journeyId(), Status.REJECTED, reason, detail,
                fieldErrors, List.of(), version, journeyStatus == null ? null : journeyStatus.name(), decidedAt);
    }
}
