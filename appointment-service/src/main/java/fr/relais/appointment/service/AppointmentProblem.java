package fr.relais.appointment.service;

import fr.relais.appointment.domain.Rejection;

/** An error a caller can act on; the API answers it as an RFC 9457 problem detail. */
public class AppointmentProblem extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;

    public AppointmentProblem(int status, String type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    public static AppointmentProblem notFound(String what) {
        return new AppointmentProblem(404, "not-found", "Not found", what);
    }

    /**
     * The journey is unknown here, or the caller may not act on it: both answer the same, so that nobody learns
     * of another citizen's journey. journey.events may also arrive shortly after a journey starts: the client can retry.
     */
    public static AppointmentProblem journeyNotFound(java.util.UUID journeyId) {
        return new AppointmentProblem(404, "journey-not-found", "Journey not found", "no journey " + journeyId
                + " that you may act on is known here (a journey just started may take a moment to be known; retry)");
    }

    /** A citizen already has as many live holds and bookings ahead as allowed. */
    public static AppointmentProblem tooManyBookings(int limit) {
        return new AppointmentProblem(429, "too-many-bookings", "Too many bookings", "a citizen holds at most " + limit
                + " appointments ahead at once (held or confirmed); cancel one before booking another");
    }

    public static AppointmentProblem forbidden(String why) {
        return new AppointmentProblem(403, "forbidden", "Not allowed", why);
    }

    /** A counter agent acting at a site other than their own. */
    public static AppointmentProblem notYourSite(String why) {
        return new AppointmentProblem(403, "not-your-site", "Not your site", why);
    }

    public static AppointmentProblem invalid(String detail) {
        return new AppointmentProblem(400, "invalid-request", "Invalid request", detail);
    }

    /** A booking rule says no: 409 when it is about the state of bookings, 422 when about the request itself. */
    public static AppointmentProblem refused(Rejection rejection) {
        int status = switch (rejection.reason()) {
            case Rejection.SLOT_TAKEN, Rejection.DUPLICATE_STEP, Rejection.WRONG_STATUS, Rejection.HOLD_EXPIRED,
                 Rejection.NOT_CHECK_IN_TIME, Rejection.JOURNEY_ENDED -> 409;
            default -> 422;
        };
        return new AppointmentProblem(status, rejection.reason(), "Booking refused", rejection.detail());
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }
}
