package fr.relais.appointment.domain;

/**
 * Why a booking request is refused, precise enough for the caller to act.
 *
 * @param reason a stable code, e.g. {@code too-soon}
 * @param detail a sentence for people
 */
public record Rejection(String reason, String detail) {

    public static final String UNKNOWN_MOTIF = "unknown-motif";
    public static final String UNKNOWN_SITE = "unknown-site";
    public static final String UNKNOWN_COUNTER = "unknown-counter";
    public static final String MOTIF_NOT_AT_SITE = "motif-not-offered-at-site";
    public static final String STEP_NOT_SERVED = "step-not-served-by-motif";
    /** The hold names a procedure other than the one its journey follows. */
    public static final String NOT_THE_JOURNEYS_PROCEDURE = "not-the-journeys-procedure";
    /** The journey completed, was cancelled or abandoned: nothing more is booked for it. */
    public static final String JOURNEY_ENDED = "journey-ended";
    public static final String TOO_SOON = "too-soon";
    public static final String TOO_FAR = "too-far";
    public static final String CLOSED = "site-closed";
    public static final String NOT_ON_GRID = "not-a-slot";
    public static final String DUPLICATE_STEP = "step-already-booked";
    public static final String SLOT_TAKEN = "slot-taken";
    public static final String WRONG_STATUS = "wrong-status";
    public static final String HOLD_EXPIRED = "hold-expired";
    public static final String NOT_CHECK_IN_TIME = "not-check-in-time";
}
