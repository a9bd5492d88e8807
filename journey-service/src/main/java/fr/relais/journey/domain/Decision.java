package fr.relais.journey.domain;

import fr.relais.events.journey.CommandOutcome;
import fr.relais.events.journey.JourneyEvent;

import java.util.List;
import java.util.Objects;

/** What {@link JourneyDecider#decide} answers: the events to append, or why not. */
public sealed interface Decision {

    /**
     * The command is accepted. {@code events} may be empty when the command changes nothing
     * (a claimant claiming again, the same escalation twice, a mandate already granted by this command).
     */
    record Accepted(List<JourneyEvent> events) implements Decision {
        public Accepted {
            events = List.copyOf(events);
        }
    }

    /**
     * The command is rejected; nothing changes.
     *
     * @param reason      a {@link RejectionReasons} code (kebab-case)
     * @param detail      a short explanation for logs and problem details, never personal data
     * @param fieldErrors the invalid fields when {@code reason} is {@link RejectionReasons#FIELD_INVALID}, else empty
     */
    record Rejected(String reason, String detail, List<CommandOutcome.FieldError> fieldErrors) implements Decision {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            fieldErrors = fieldErrors == null ? List.of() : List.copyOf(fieldErrors);
        }

        public Rejected(String reason, String detail) {
            this(reason, detail, List.of());
        }
    }

    default boolean accepted() {
        return this instanceof Accepted;
    }
}
