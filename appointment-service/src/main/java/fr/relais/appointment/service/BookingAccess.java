package fr.relais.appointment.service;

import fr.relais.appointment.domain.JourneyAccess;
import fr.relais.appointment.domain.StaffAccess;
import fr.relais.appointment.persistence.BookingEntity;
import fr.relais.appointment.persistence.JourneyAccessRepository;
import fr.relais.events.appointment.BookingAccessed;
import fr.relais.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Who may hold, read or change bookings: a citizen their own journey's, a staff member those of a journey they
 * have a reason for ({@link StaffAccess}). Whoever may not gets 404, as if the journey or booking did not exist.
 * Every staff access is written, with its reason, to the outbox ({@link BookingAccessed}) for the citizen's
 * access log in journey-service. All methods run in the caller's session (and transaction, for {@link #record}).
 * A counter agent is moreover bound to their own site ({@link #requireWorksAt}).
 */
@ApplicationScoped
public class BookingAccess {

    @Inject
    JourneyAccessRepository journeys;

    @Inject
    AppointmentOutbox outbox;

    @Inject
    Clock clock;

    /** The journey's facts and the reason a caller may book on it (null for its citizen). */
    public record Granted(JourneyAccess journey, String reason) {
    }

    /** @return the grant, or a failure with a 404 journey-not-found problem */
    public Uni<Granted> toJourney(UUID journeyId, Caller caller) {
        return journeys.of(journeyId).map(journey -> {
            if (journey == null) {
                throw AppointmentProblems.journeyNotFound(journeyId);
            }
            if (caller.isCitizen()) {
                if (!caller.subject().equals(journey.ownerSubject())) {
                    throw AppointmentProblems.journeyNotFound(journeyId);
                }
                return new Granted(journey, null);
            }
            String reason = StaffAccess.reason(journey, caller.staff(), clock.instant())
                    .orElseThrow(() -> AppointmentProblems.journeyNotFound(journeyId));
            return new Granted(journey, reason);
        });
    }

    /**
     * @return the reason a staff member may take {@code action} on the booking, null for the citizen who owns it,
     * or a failure with a 404 problem
     */
    public Uni<String> toBooking(BookingEntity booking, Caller caller, String action) {
        if (caller.isCitizen()) {
            if (!caller.subject().equals(booking.ownerSubject)) {
                return Uni.createFrom().failure(noBooking(booking.id));
            }
            return Uni.createFrom().nullItem();
        }
        Instant now = clock.instant();
        return journeys.of(booking.journeyId).map(journey -> {
            Optional<String> reason = BookingAccessed.CHECK_IN.equals(action)
                    ? StaffAccess.reasonToCheckIn(journey, caller.staff(), booking.siteId, now)
                    : StaffAccess.reason(journey, caller.staff(), now);
            return reason.orElseThrow(() -> noBooking(booking.id));
        });
    }

    /** Adds the staff member's access to the outbox in the caller's transaction; a citizen's own (null reason) is not logged. */
    public Uni<Void> record(BookingEntity booking, Caller caller, String action, String reason) {
        if (reason == null) {
            return Uni.createFrom().voidItem();
        }
        return outbox.add(new BookingAccessed(booking.id, booking.journeyId, clock.instant(), booking.siteId, booking.counterId,
                booking.motifId, booking.procedureId, booking.stepId, booking.startsAt, booking.endsAt, caller.subject(),
                caller.actingRole(), caller.site() == null || caller.site().isBlank() ? null : caller.site(), action, reason));
    }

    /** A counter agent books and acts only at their own site; other callers are not bound to a site. */
    static void requireWorksAt(Caller caller, String siteId) {
        if (!caller.isSiteBound()) {
            return;
        }
        if (caller.site() == null || caller.site().isBlank()) {
            throw AppointmentProblems.notYourSite("your token carries no site: a counter agent books and acts only at the site they work at");
        }
        if (!caller.site().equals(siteId)) {
            throw AppointmentProblems.notYourSite("a counter agent books and acts only at their own site (" + caller.site()
                    + "), not at " + siteId + "; a phone agent or a mediator can book there for the citizen");
        }
    }

    static ProblemException noBooking(UUID id) {
        return ProblemException.notFound("no booking " + id);
    }
}
