package fr.relais.appointment.domain;

import fr.relais.events.appointment.BookingAccessed;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Why a staff member may hold, read or change the bookings of a journey: the same reasons as journey-service's
 * access rules (ARCHITECTURE.md "A journey"), checked in this order, the first that holds is the one written
 * to the citizen's access log:
 * <ol>
 *   <li>{@code claimed}: the staff member holds the journey;</li>
 *   <li>{@code verified-call}: a phone agent verified the caller, and the verification still runs;</li>
 *   <li>{@code present-at-site}: a counter agent's site is where the citizen was checked in today (Paris day);</li>
 *   <li>{@code handoff-to-site}: a counter agent's site is where the journey waits, unclaimed;</li>
 *   <li>{@code mediation-claimed}: a mediator claimed the journey's open mediation case;</li>
 *   <li>{@code mediation-pool}: the journey's open mediation case is in one of the mediator's pools;</li>
 *   <li>{@code mandate}: the citizen gave the staff member's site a mandate for the journey's procedure,
 *       unrevoked and unexpired.</li>
 * </ol>
 * No reason, no access: the caller is answered as if the booking did not exist. A pure function of its inputs.
 */
public final class StaffAccess {

    /** Presence counts for the day it was recorded, as in journey-service. */
    static final ZoneId DAY_ZONE = ZoneId.of("Europe/Paris");

    private StaffAccess() {
    }

    public static Optional<String> reason(JourneyAccess journey, StaffMember staff, Instant now) {
        if (journey == null) {
            return Optional.empty();
        }
        if (staff.subject().equals(journey.claimedBy())) {
            return Optional.of(BookingAccessed.CLAIMED);
        }
        if (StaffMember.PHONE_AGENT.equals(staff.role()) && staff.subject().equals(journey.verifiedBy())
                && journey.verifiedUntil() != null && now.isBefore(journey.verifiedUntil())) {
            return Optional.of(BookingAccessed.VERIFIED_CALL);
        }
        if (StaffMember.COUNTER_AGENT.equals(staff.role()) && staff.site() != null) {
            if (staff.site().equals(journey.presentSite()) && journey.presentAt() != null
                    && sameDay(journey.presentAt(), now)) {
                return Optional.of(BookingAccessed.PRESENT_AT_SITE);
            }
            if (staff.site().equals(journey.handoffSite()) && journey.claimedBy() == null) {
                return Optional.of(BookingAccessed.HANDOFF_TO_SITE);
            }
        }
        if (StaffMember.MEDIATOR.equals(staff.role())) {
            if (journey.openCases().stream().anyMatch(c -> staff.subject().equals(c.mediator()))) {
                return Optional.of(BookingAccessed.MEDIATION_CLAIMED);
            }
            if (journey.openCases().stream().anyMatch(c -> staff.pools().contains(c.pool()))) {
                return Optional.of(BookingAccessed.MEDIATION_POOL);
            }
        }
        if (staff.site() != null && journey.procedureId() != null && journey.mandates().stream().anyMatch(m ->
                !m.revoked() && staff.site().equals(m.site()) && journey.procedureId().equals(m.procedureId())
                        && now.isBefore(m.expiresAt()))) {
            return Optional.of(BookingAccessed.MANDATE);
        }
        return Optional.empty();
    }

    /**
     * Checking a citizen in at the desk is how presence starts, so the agents of the booking's site may do it
     * without another reason (they see the booking on their day sheet anyway); a reason above, when there is
     * one, is the one logged.
     */
    public static Optional<String> reasonToCheckIn(JourneyAccess journey, StaffMember staff, String bookingSite, Instant now) {
        Optional<String> reason = reason(journey, staff, now);
        if (reason.isPresent() || staff.site() == null || !staff.site().equals(bookingSite)) {
            return reason;
        }
        return Optional.of(BookingAccessed.DESK_CHECK_IN);
    }

    private static boolean sameDay(Instant a, Instant b) {
        return LocalDate.ofInstant(a, DAY_ZONE).equals(LocalDate.ofInstant(b, DAY_ZONE));
    }
}
