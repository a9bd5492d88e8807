package fr.relais.events.appointment;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The citizen checked in at the site for the appointment; journey-service turns this into presence.
 * No personal data: ids, codes and instants only.
 */
public record AppointmentCheckedIn(UUID bookingId, UUID journeyId, Instant occurredAt, String site, String counter, String motif, String procedureId, String stepId, Instant startsAt, Instant endsAt) implements AppointmentEvent {

    public AppointmentCheckedIn {
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
