package fr.relais.appointment.service;

import fr.relais.appointment.domain.BookingStatus;
import fr.relais.appointment.domain.NoShows;
import fr.relais.appointment.domain.Rejection;
import fr.relais.appointment.persistence.BookingEntity;
import fr.relais.appointment.persistence.BookingRepository;
import fr.relais.events.appointment.BookingAccessed;
import fr.relais.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Checks a citizen in at the desk, by booking or by journey, within the check-in time around a confirmed appointment. */
@ApplicationScoped
public class BookingCheckIns {

    @Inject
    BookingChanges changes;

    @Inject
    Clock clock;

    @Inject
    BookingRepository bookings;

    @Inject
    NoShows noShows;

    @Inject
    BookingAccess access;

    @Inject
    BookingTimers timers;

    @Inject
    BookingEvents events;

    /** Check-in at the desk by booking id; the agent must work at the booking's site. */
    public Uni<BookingEntity> checkIn(UUID id, Caller caller) {
        return changes.apply(id, caller, BookingAccessed.CHECK_IN, booking -> {
            if (!booking.siteId.equals(caller.site())) {
                throw AppointmentProblems.notYourSite("check-in happens at the booking's site (" + booking.siteId + ")");
            }
            return checkIn(booking);
        });
    }

    /**
     * Check-in at the desk by journey: the gateway resolved the citizen's resume code through journey-service
     * and passes the journey id; the booking is the journey's confirmed one at the agent's site, today.
     */
    public Uni<BookingEntity> checkInJourney(UUID journeyId, Caller caller) {
        Instant now = clock.instant();
        if (caller.site() == null) {
            throw ProblemException.forbidden("only an agent with a site checks citizens in");
        }
        return changes.committed(() -> bookings.checkInCandidates(journeyId, caller.site(),
                        now.minus(Duration.ofHours(12)), now.plus(Duration.ofHours(12)))
                .flatMap(candidates -> {
                    BookingEntity booking = candidates.stream()
                            .filter(b -> noShows.mayCheckIn(b.status, b.startsAt, b.endsAt, now)).findFirst()
                            .orElseThrow(() -> candidates.isEmpty()
                                    ? ProblemException.notFound("no confirmed appointment for this journey at " + caller.site() + " today")
                                    : AppointmentProblems.refused(new Rejection(Rejection.NOT_CHECK_IN_TIME,
                                    "check-in opens " + noShows.earlyCheckIn().toMinutes() + " min before "
                                            + candidates.get(0).startsAt)));
                    // the site's agent checks in the citizen standing at the desk: that is the reason logged
                    return checkIn(booking).flatMap(checkedIn -> access.record(checkedIn, caller, BookingAccessed.CHECK_IN,
                            BookingAccessed.DESK_CHECK_IN).replaceWith(checkedIn));
                }));
    }

    private Uni<BookingEntity> checkIn(BookingEntity booking) {
        Instant now = clock.instant();
        if (booking.status == BookingStatus.CHECKED_IN) {
            return Uni.createFrom().item(booking);
        }
        if (!noShows.mayCheckIn(booking.status, booking.startsAt, booking.endsAt, now)) {
            throw booking.status != BookingStatus.CONFIRMED ? AppointmentProblems.wrongStatus(booking.status, "checked in")
                    : AppointmentProblems.refused(new Rejection(Rejection.NOT_CHECK_IN_TIME, "check-in is open from "
                    + booking.startsAt.minus(noShows.earlyCheckIn()) + " to " + booking.endsAt.plus(noShows.grace())));
        }
        booking.changeStatus(BookingStatus.CHECKED_IN, null, now);
        return timers.endPending(booking, "checked-in", now)
                .flatMap(ignored -> events.checkedIn(booking, now))
                .replaceWith(booking);
    }
}
