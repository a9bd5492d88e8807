package fr.relais.events.appointment;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A confirmed appointment moved to another time (and possibly another site or counter).
 * No personal data: ids, codes and instants only.
 */
public record AppointmentRescheduled(UUID bookingId, UUID journeyId, Instant occurredAt, String site, String counter, String motif, String procedureId, String stepId, Instant startsAt, Instant endsAt, String previousSite, Instant previousStartsAt, Instant previousEndsAt) implements AppointmentEvent {

    public AppointmentRescheduled {
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
        Objects.requireNonNull(previousSite, "previousSite");
        Objects.requireNonNull(previousStartsAt, "previousStartsAt");
        Objects.requireNonNull(previousEndsAt, "previousEndsAt");
        AppointmentEvent.requireOrdered(startsAt, endsAt);
    }
}
