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
                 Rejection.NOT_CHECK_IN_TIME -> 409;
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
