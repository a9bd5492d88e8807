package fr.relais.events.appointment;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The citizen did not check in within the grace period after the start of the appointment.
 * No personal data: ids, codes and instants only.
 */
public record AppointmentNoShow(UUID bookingId, UUID journeyId, Instant occurredAt, String site, String counter, String motif, String procedureId, String stepId, Instant startsAt, Instant endsAt) implements AppointmentEvent {

    public AppointmentNoShow {
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
