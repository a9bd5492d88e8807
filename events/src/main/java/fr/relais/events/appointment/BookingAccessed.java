package fr.relais.events.appointment;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A staff member read or changed a citizen's booking, and why they were allowed to: journey-service writes
 * it to the citizen's access log. The booking fields are the booking's (its site, not the staff member's);
 * the staff member is named by the pseudonymous Keycloak {@code sub} only, with their role and site.
 *
 * @param staffSite the staff member's site claim; null for a mediator, who works for a pool
 * @param action    one of {@link #ACTIONS}
 * @param reason    one of {@link #REASONS}: what allowed the access
 */
public record BookingAccessed(UUID bookingId, UUID journeyId, Instant occurredAt, String site, String counter,
                              String motif, String procedureId, String stepId, Instant startsAt, Instant endsAt,
                              String staffSubject, String staffRole, String staffSite, String action,
                              String reason) implements AppointmentEvent {

    public static final String READ = "read";
    public static final String HOLD = "hold";
    public static final String CONFIRM = "confirm";
    public static final String CANCEL = "cancel";
    public static final String RESCHEDULE = "reschedule";
    public static final String CHECK_IN = "check-in";
    /** Closed list: a new action is a schema change. */
    public static final Set<String> ACTIONS = Set.of(READ, HOLD, CONFIRM, CANCEL, RESCHEDULE, CHECK_IN);

    /** The agent holds the journey (claimed it). */
    public static final String CLAIMED = "claimed";
    /** The citizen was checked in today at the counter agent's site. */
    public static final String PRESENT_AT_SITE = "present-at-site";
    /** The journey waits, unclaimed, in the counter agent's site's queue. */
    public static final String HANDOFF_TO_SITE = "handoff-to-site";
    /** The phone agent verified the caller on the current call. */
    public static final String VERIFIED_CALL = "verified-call";
    /** The mediator claimed the journey's open mediation case. */
    public static final String MEDIATION_CLAIMED = "mediation-claimed";
    /** The journey's open mediation case is in one of the mediator's pools. */
    public static final String MEDIATION_POOL = "mediation-pool";
    /** The citizen gave the staff member's site a running mandate for the journey's procedure. */
    public static final String MANDATE = "mandate";
    /** The site's agent checked the citizen in at the desk (the citizen is there; this is how presence starts). */
    public static final String DESK_CHECK_IN = "desk-check-in";
    /** The booking is on the day sheet of the agent's own site. */
    public static final String SITE_SCHEDULE = "site-schedule";
    /** Closed list: a new reason is a schema change. */
    public static final Set<String> REASONS = Set.of(CLAIMED, PRESENT_AT_SITE, HANDOFF_TO_SITE, VERIFIED_CALL,
            MEDIATION_CLAIMED, MEDIATION_POOL, MANDATE, DESK_CHECK_IN, SITE_SCHEDULE);

    /** The staff roles that act on bookings for citizens. */
    public static final Set<String> STAFF_ROLES = Set.of("counter-agent", "phone-agent", "mediator");

    public BookingAccessed {
        Objects.requireNonNull(bookingId, "bookingId");
        Objects.requireNonNull(journeyId, "journeyId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(counter, "counter");
        Objects.requireNonNull(motif, "motif");
        Objects.requireNonNull(procedureId, "procedureId");
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        Objects.requireNonNull(staffSubject, "staffSubject");
        AppointmentEvent.requireOrdered(startsAt, endsAt);
        requireIn(STAFF_ROLES, staffRole, "staffRole");
        requireIn(ACTIONS, action, "action");
        requireIn(REASONS, reason, "reason");
    }

    private static void requireIn(Set<String> allowed, String value, String name) {
        if (!allowed.contains(Objects.requireNonNull(value, name))) {
            throw new IllegalArgumentException(name + " must be one of " + allowed + ": " + value);
        }
    }
}
