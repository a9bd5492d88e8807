package fr.relais.appointment.service;

import fr.relais.appointment.domain.BookingStatus;
import fr.relais.appointment.domain.Rejection;
import fr.relais.appointment.domain.Site;
import fr.relais.appointment.domain.TimeWindow;
import fr.relais.problem.ProblemException;

import java.util.Optional;
import java.util.UUID;

/** The problems only appointment-service answers; the common ones (not found, invalid, forbidden) are {@link ProblemException}'s. */
public final class AppointmentProblems {

    private AppointmentProblems() {
    }

    /**
     * The journey is unknown here, or the caller may not act on it: both answer the same, so that nobody learns
     * of another citizen's journey. journey.events may also arrive shortly after a journey starts: the client can retry.
     */
    public static ProblemException journeyNotFound(UUID journeyId) {
        return new ProblemException(404, "journey-not-found", "Journey not found", "no journey " + journeyId
                + " that you may act on is known here (a journey just started may take a moment to be known; retry)");
    }

    /** A citizen already has as many live holds and bookings ahead as allowed. */
    public static ProblemException tooManyBookings(int limit) {
        return new ProblemException(429, "too-many-bookings", "Too many bookings", "a citizen holds at most " + limit
                + " appointments ahead at once (held or confirmed); cancel one before booking another");
    }

    /** A counter agent acting at a site other than their own. */
    public static ProblemException notYourSite(String why) {
        return new ProblemException(403, "not-your-site", "Not your site", why);
    }

    /** A booking rule says no: 409 when it is about the state of bookings, 422 when about the request itself. */
    public static ProblemException refused(Rejection rejection) {
        int status = switch (rejection.reason()) {
            case Rejection.SLOT_TAKEN, Rejection.DUPLICATE_STEP, Rejection.WRONG_STATUS, Rejection.HOLD_EXPIRED,
                 Rejection.NOT_CHECK_IN_TIME, Rejection.JOURNEY_ENDED -> 409;
            default -> 422;
        };
        return new ProblemException(status, rejection.reason(), "Booking refused", rejection.detail());
    }

    /** Throws the refusal when a booking rule gave one. */
    public static void refuseIf(Optional<Rejection> rejection) {
        rejection.ifPresent(refusal -> {
            throw refused(refusal);
        });
    }

    /** A change the booking's status does not allow. */
    public static ProblemException wrongStatus(BookingStatus status, String action) {
        return refused(new Rejection(Rejection.WRONG_STATUS, "a " + status.name().toLowerCase() + " booking cannot be " + action));
    }

    /** No counter of the site is free for the window. */
    public static ProblemException slotTaken(Site site, TimeWindow window) {
        return refused(new Rejection(Rejection.SLOT_TAKEN,
                "no counter of " + site.id() + " is free at " + window.start() + "; choose another slot"));
    }
}
