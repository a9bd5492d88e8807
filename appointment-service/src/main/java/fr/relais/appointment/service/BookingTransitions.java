package fr.relais.appointment.service;

import fr.relais.appointment.domain.BookingPolicy;
import fr.relais.appointment.domain.BookingStatus;
import fr.relais.appointment.domain.CounterChoice;
import fr.relais.appointment.domain.Motif;
import fr.relais.appointment.domain.Rejection;
import fr.relais.appointment.domain.Site;
import fr.relais.appointment.domain.TimeWindow;
import fr.relais.appointment.persistence.BookingEntity;
import fr.relais.appointment.persistence.BookingRepository;
import fr.relais.appointment.persistence.Catalog;
import fr.relais.appointment.persistence.SqlStates;
import fr.relais.events.appointment.BookingAccessed;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Confirms, cancels and reschedules bookings. Each change commits with its outbox events and timers in one
 * transaction ({@link BookingChanges} for a caller's change; the consumer's own for a journey that ended or
 * moved on); PostgreSQL's exclusion constraint is what refuses a move onto a counter taken meanwhile.
 */
@ApplicationScoped
public class BookingTransitions {

    @Inject
    Clock clock;

    @Inject
    BookingChanges changes;

    @Inject
    CatalogCache catalogs;

    @Inject
    BookingTimers timers;

    @Inject
    BookingEvents events;

    @Inject
    BookingRepository bookings;

    public Uni<BookingEntity> confirm(UUID id, Caller caller) {
        Instant now = clock.instant();
        return changes.apply(id, caller, BookingAccessed.CONFIRM, booking -> {
            if (booking.status == BookingStatus.CONFIRMED) {
                return Uni.createFrom().item(booking); // confirming twice is harmless
            }
            if (booking.status != BookingStatus.HELD) {
                throw AppointmentProblems.wrongStatus(booking.status, "changed");
            }
            if (!booking.holdExpiresAt.isAfter(now)) {
                throw AppointmentProblems.refused(new Rejection(Rejection.HOLD_EXPIRED,
                        "the hold expired at " + booking.holdExpiresAt + "; hold a slot again"));
            }
            // a closure declared while the slot was held: the hold stays (it expires), but it is not confirmed
            catalogs.current().site(booking.siteId).flatMap(site -> site.hours().closureDuring(booking.window()))
                    .ifPresent(closure -> {
                        throw AppointmentProblems.refused(new Rejection(Rejection.CLOSED, booking.siteId + " closed on "
                                + closure.date() + (closure.isWholeDay() ? "" : " from " + closure.from() + " to " + closure.to())
                                + " (" + closure.reason() + ") after this slot was held; hold another slot"));
                    });
            booking.changeStatus(BookingStatus.CONFIRMED, null, now);
            return timers.replaceWithAppointmentTimers(booking, "confirmed", now)
                    .flatMap(ignored -> events.booked(booking, now))
                    .replaceWith(booking);
        });
    }

    public Uni<BookingEntity> cancel(UUID id, String reason, Caller caller) {
        Instant now = clock.instant();
        String why = reason == null || reason.isBlank() ? (caller.isCitizen() ? "citizen-request" : "agent-request") : reason;
        return changes.apply(id, caller, BookingAccessed.CANCEL, booking -> {
            if (booking.status == BookingStatus.CANCELLED) {
                return Uni.createFrom().item(booking);
            }
            if (booking.status != BookingStatus.HELD && booking.status != BookingStatus.CONFIRMED) {
                throw AppointmentProblems.wrongStatus(booking.status, "cancelled");
            }
            return cancelRow(booking, why, now);
        });
    }

    /** Cancels every active booking of a journey that ended (cancelled, abandoned), inside the caller's transaction. */
    public Uni<Void> cancelAllOfJourney(UUID journeyId, String reason) {
        return cancelActive(journeyId, booking -> true, reason, clock.instant());
    }

    /**
     * A step done without its appointment (the citizen came early as a walk-in, or another channel did it): the
     * step's bookings still ahead are released, so the slot goes back to others and no no-show follows.
     */
    public Uni<Void> cancelOfStep(UUID journeyId, String stepId, String reason) {
        Instant now = clock.instant();
        return cancelActive(journeyId, booking -> stepId.equals(booking.stepId) && booking.startsAt.isAfter(now), reason, now);
    }

    /** Cancels, inside the caller's transaction, the journey's active bookings (locked) that {@code which} selects. */
    private Uni<Void> cancelActive(UUID journeyId, Predicate<BookingEntity> which, String reason, Instant now) {
        return bookings.activeOfJourneyForUpdate(journeyId).flatMap(list -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (BookingEntity booking : list) {
                if (which.test(booking)) {
                    chain = chain.flatMap(ignored -> cancelRow(booking, reason, now).replaceWithVoid());
                }
            }
            return chain;
        });
    }

    private Uni<BookingEntity> cancelRow(BookingEntity booking, String why, Instant now) {
        boolean wasConfirmed = booking.status == BookingStatus.CONFIRMED;
        booking.changeStatus(BookingStatus.CANCELLED, why, now);
        Uni<Void> change = timers.endPending(booking, "cancelled", now);
        if (wasConfirmed) {
            change = change.flatMap(ignored -> events.cancelled(booking, why, now));
        }
        return change.replaceWith(booking);
    }

    /** Moves a held or confirmed booking to another start (and site), on the first counter free then ({@link CounterChoice#forMove}). */
    public Uni<BookingEntity> reschedule(UUID id, String newSiteId, Instant newStart, Caller caller) {
        Instant now = clock.instant();
        Catalog catalog = catalogs.current();
        return changes.apply(id, caller, BookingAccessed.RESCHEDULE, booking -> {
            if (booking.status != BookingStatus.HELD && booking.status != BookingStatus.CONFIRMED) {
                throw AppointmentProblems.wrongStatus(booking.status, "rescheduled");
            }
            Motif motif = CatalogLookup.motif(catalog, booking.motifId);
            Site site = CatalogLookup.site(catalog, newSiteId == null ? booking.siteId : newSiteId);
            BookingAccess.requireWorksAt(caller, site.id());
            AppointmentProblems.refuseIf(BookingPolicy.check(site, motif, booking.procedureId, booking.stepId, newStart, now, false));
            TimeWindow window = new TimeWindow(newStart, newStart.plus(motif.duration()));
            TimeWindow previous = booking.window();
            String previousSite = booking.siteId;
            String previousCounter = booking.counterId;
            return bookings.liveWindows(List.of(site.id()), window.start(), window.end()).flatMap(busy -> {
                String counter = CounterChoice.forMove(site, window, busy, previousCounter, previous)
                        .orElseThrow(() -> AppointmentProblems.slotTaken(site, window));
                return bookings.lockCounter(counter).flatMap(locked -> {
                    booking.moveTo(site.id(), counter, window, now);
                    // flushed under the counter's lock: the exclusion constraint answers here
                    return Panache.flush();
                }).flatMap(flushed -> booking.status != BookingStatus.CONFIRMED ? Uni.createFrom().item(booking)
                        : timers.replaceWithAppointmentTimers(booking, "rescheduled", now)
                        .flatMap(ignored -> events.rescheduled(booking, previousSite, previous, now))
                        .replaceWith(booking));
            });
        }).onFailure(SqlStates::isExclusionViolation).transform(failure -> AppointmentProblems.refused(
                new Rejection(Rejection.SLOT_TAKEN, "that slot was taken meanwhile; choose another")));
    }
}
