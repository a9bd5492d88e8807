package fr.relais.appointment.service;

import fr.relais.appointment.domain.NoShows;
import fr.relais.appointment.domain.Reminders;
import fr.relais.appointment.persistence.BookingEntity;
import fr.relais.appointment.persistence.BookingRepository;
import fr.relais.appointment.persistence.ScheduledJobEntity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;

/**
 * A booking's timers ({@code scheduled_job} rows, run by {@link DueJobs}), written in the caller's transaction:
 * a hold's expiry, and an appointment's reminders and no-show check.
 */
@ApplicationScoped
public class BookingTimers {

    @Inject
    BookingRepository bookings;

    @Inject
    NoShows noShows;

    /** The hold expires at its {@code holdExpiresAt}; the row must be flushed (the timer's foreign key finds it). */
    public Uni<Void> expireHold(BookingEntity held) {
        return bookings.schedule(held.id, ScheduledJobEntity.HOLD_EXPIRY, null, held.holdExpiresAt);
    }

    /** Marks the booking's pending timers done with {@code outcome}: nothing of them fires any more. */
    public Uni<Void> endPending(BookingEntity booking, String outcome, Instant now) {
        return bookings.dropPendingJobs(booking.id, outcome, now);
    }

    /** Ends the pending timers, then schedules the appointment's: its no-show check and its reminders still ahead. */
    public Uni<Void> replaceWithAppointmentTimers(BookingEntity booking, String outcome, Instant now) {
        return endPending(booking, outcome, now).flatMap(ignored -> {
            Uni<Void> chain = bookings.schedule(booking.id, ScheduledJobEntity.NO_SHOW, null, noShows.checkAt(booking.startsAt));
            for (Reminders.Due due : Reminders.schedule(booking.startsAt, now)) {
                chain = chain.flatMap(scheduled -> bookings.schedule(booking.id, ScheduledJobEntity.REMINDER, due.code(), due.at()));
            }
            return chain;
        });
    }
}
