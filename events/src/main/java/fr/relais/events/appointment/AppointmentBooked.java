package fr.relais.events.appointment;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A held slot was confirmed: the citizen has an appointment for a journey step.
 * No personal data: ids, codes and instants only.
 */
public record AppointmentBooked(UUID bookingId, UUID journeyId, Instant occurredAt, String site, String counter, String motif, String procedureId, String stepId, Instant startsAt, Instant endsAt) implements AppointmentEvent {

    public AppointmentBooked {
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
        AppointmentEvent.requireOrdered(startsAt, endsAt);
    }
}
