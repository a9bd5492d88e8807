package fr.relais.appointment.service;

import fr.relais.appointment.domain.TimeWindow;
import fr.relais.appointment.persistence.BookingEntity;
import fr.relais.events.appointment.AppointmentBooked;
import fr.relais.events.appointment.AppointmentCancelled;
import fr.relais.events.appointment.AppointmentCheckedIn;
import fr.relais.events.appointment.AppointmentRescheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;

/**
 * The appointment events of a caller's change to a booking, from the booking as it is after the change: each is
 * added to the outbox in the caller's transaction and, once added, counted in its metric.
 */
@ApplicationScoped
public class BookingEvents {

    @Inject
    AppointmentOutbox outbox;

    @Inject
    AppointmentMetrics metrics;

    public Uni<Void> booked(BookingEntity booking, Instant now) {
        return outbox.add(new AppointmentBooked(booking.id, booking.journeyId, now, booking.siteId, booking.counterId,
                        booking.motifId, booking.procedureId, booking.stepId, booking.startsAt, booking.endsAt))
                .invoke(() -> metrics.booked(booking.siteId, booking.motifId));
    }

    public Uni<Void> cancelled(BookingEntity booking, String why, Instant now) {
        return outbox.add(new AppointmentCancelled(booking.id, booking.journeyId, now, booking.siteId, booking.counterId,
                        booking.motifId, booking.procedureId, booking.stepId, booking.startsAt, booking.endsAt, why))
                .invoke(() -> metrics.cancelled(booking.siteId, booking.motifId));
    }

    public Uni<Void> checkedIn(BookingEntity booking, Instant now) {
        return outbox.add(new AppointmentCheckedIn(booking.id, booking.journeyId, now, booking.siteId, booking.counterId,
                        booking.motifId, booking.procedureId, booking.stepId, booking.startsAt, booking.endsAt))
                .invoke(() -> metrics.checkedIn(booking.siteId, booking.motifId, booking.remindedAt));
    }

    /** A move is not counted: the booking stays one booking. */
    public Uni<Void> rescheduled(BookingEntity booking, String previousSite, TimeWindow previous, Instant now) {
        return outbox.add(new AppointmentRescheduled(booking.id, booking.journeyId, now, booking.siteId, booking.counterId,
                booking.motifId, booking.procedureId, booking.stepId, booking.startsAt, booking.endsAt, previousSite,
                previous.start(), previous.end()));
    }
}
