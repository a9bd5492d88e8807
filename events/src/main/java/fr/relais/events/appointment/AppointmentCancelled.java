package fr.relais.events.appointment;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A confirmed appointment was cancelled; reason is a code such as citizen-request or journey-cancelled.
 * No personal data: ids, codes and instants only.
 */
public record AppointmentCancelled(UUID bookingId, UUID journeyId, Instant occurredAt, String site, String counter, String motif, String procedureId, String stepId, Instant startsAt, Instant endsAt, String reason) implements AppointmentEvent {

    public AppointmentCancelled {
        Objects.requireNonNull(bookingId, "bookingId");
        Objects.requireNonNull(journeyId, "journeyId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(counter, "counter");
        Objects.requireNonNull(motif, "motif");
        Objects.requireNonNull(procedureId, "procedureId");
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        Objects.requireNonNull(reason, "reason");
        AppointmentEvent.requireOrdered(startsAt, endsAt);
    }
}
