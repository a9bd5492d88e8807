package fr.relais.events.appointment;

import fr.relais.events.JourneyScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * A fact about a booking, written by appointment-service only, on {@code appointment.events}, keyed by
 * the journey id. Sealed so that the registry and its tests see every event. Every event names the
 * booking, the site, the counter, the motif, the journey step it serves and the slot; never a person
 * ({@link BookingAccessed} adds the pseudonymous sub of the staff member who accessed the booking).
 */
public sealed interface AppointmentEvent extends JourneyScoped
        permits AppointmentBooked, AppointmentRescheduled, AppointmentCancelled, AppointmentReminderDue,
        AppointmentCheckedIn, AppointmentNoShow, BookingAccessed {

    UUID bookingId();

    Instant occurredAt();

    /** The site id, e.g. {@code fs-aubervilliers} or {@code tel-national}. */
    String site();

    /** The counter (or phone line) id, e.g. {@code fs-aubervilliers-g1}. */
    String counter();

    /** The motif id, e.g. {@code cni-biometrie}. */
    String motif();

    String procedureId();

    String stepId();

    Instant startsAt();

    Instant endsAt();

    static void requireOrdered(Instant startsAt, Instant endsAt) {
        if (!startsAt.isBefore(endsAt)) {
            throw new IllegalArgumentException("an appointment ends after it starts: " + startsAt + " / " + endsAt);
        }
    }
}
