package fr.relais.appointment.domain;

import fr.relais.events.appointment.BookingAccessed;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may act on a journey's bookings, and the reason logged: one fact at a time, and what does not count. */
class StaffAccessTest {

    static final Instant NOW = Instant.parse("2026-03-12T10:00:00Z"); // 11:00 in Paris
    static final StaffMember AGNES = new StaffMember("agnes-sub", StaffMember.COUNTER_AGENT, "fs-aubervilliers", Set.of());
    static final StaffMember SOFIANE = new StaffMember("sofiane-sub", StaffMember.COUNTER_AGENT, "fs-saint-denis", Set.of());
    static final StaffMember PAUL = new StaffMember("paul-sub", StaffMember.PHONE_AGENT, "tel-national", Set.of());
    static final StaffMember MAYA = new StaffMember("maya-sub", StaffMember.MEDIATOR, null, Set.of("93"));
    static final StaffMember MARC = new StaffMember("marc-sub", StaffMember.MEDIATOR, null, Set.of("23"));

    static JourneyAccess journey() {
        return new JourneyAccess(UUID.randomUUID(), "camille-sub", "cni-renouvellement", null, null, null, null, null, null,
                List.of(), List.of());
    }

    @Test
    void noFactNoReasonForAnyone() {
        for (StaffMember staff : List.of(AGNES, SOFIANE, PAUL, MAYA, MARC)) {
            assertThat(StaffAccess.reason(journey(), staff, NOW)).as(staff.subject()).isEmpty();
            assertThat(StaffAccess.reason(null, staff, NOW)).as("unknown journey").isEmpty();
        }
    }

    @Test
    void theAgentWhoClaimedTheJourneyOnly() {
        JourneyAccess claimed = with(journey(), "claimedBy", "sofiane-sub");
        assertThat(StaffAccess.reason(claimed, SOFIANE, NOW)).contains(BookingAccessed.CLAIMED);
        assertThat(StaffAccess.reason(claimed, AGNES, NOW)).isEmpty();
    }

    @Test
    void aPhoneAgentWhileTheVerificationRuns() {
        JourneyAccess verified = new JourneyAccess(UUID.randomUUID(), "camille-sub", "cni-renouvellement", null, null, null, null,
                "paul-sub", NOW.plus(Duration.ofMinutes(30)), List.of(), List.of());
        assertThat(StaffAccess.reason(verified, PAUL, NOW)).contains(BookingAccessed.VERIFIED_CALL);
        assertThat(StaffAccess.reason(verified, PAUL, NOW.plus(Duration.ofMinutes(30)))).as("expired").isEmpty();
        StaffMember otherPhoneAgent = new StaffMember("other-sub", StaffMember.PHONE_AGENT, "tel-national", Set.of());
        assertThat(StaffAccess.reason(verified, otherPhoneAgent, NOW)).as("verified by someone else").isEmpty();
    }

    @Test
    void aCounterAgentOfTheSiteWhereTheCitizenIsPresentToday() {
        JourneyAccess present = new JourneyAccess(UUID.randomUUID(), "camille-sub", "cni-renouvellement", null, null,
                "fs-aubervilliers", NOW.minus(Duration.ofHours(2)), null, null, List.of(), List.of());
        assertThat(StaffAccess.reason(present, AGNES, NOW)).contains(BookingAccessed.PRESENT_AT_SITE);
        assertThat(StaffAccess.reason(present, SOFIANE, NOW)).as("another site").isEmpty();
        assertThat(StaffAccess.reason(present, AGNES, NOW.plus(Duration.ofDays(1)))).as("the next day").isEmpty();
    }

    @Test
    void aCounterAgentOfTheSiteTheJourneyWaitsForUnclaimed() {
        JourneyAccess waiting = with(journey(), "handoffSite", "fs-saint-denis");
        assertThat(StaffAccess.reason(waiting, SOFIANE, NOW)).contains(BookingAccessed.HANDOFF_TO_SITE);
        assertThat(StaffAccess.reason(waiting, AGNES, NOW)).isEmpty();
        assertThat(StaffAccess.reason(waiting, PAUL, NOW)).as("a phone agent is not at a desk").isEmpty();
    }

    @Test
    void aMediatorWhoClaimedTheOpenCaseOrWhosePoolHoldsIt() {
        JourneyAccess inPool = cases(new JourneyAccess.MediationCase("93", null));
        assertThat(StaffAccess.reason(inPool, MAYA, NOW)).contains(BookingAccessed.MEDIATION_POOL);
        assertThat(StaffAccess.reason(inPool, MARC, NOW)).as("another pool").isEmpty();
        assertThat(StaffAccess.reason(inPool, AGNES, NOW)).as("not a mediator").isEmpty();

        JourneyAccess claimedByMarc = cases(new JourneyAccess.MediationCase("93", "marc-sub"));
        assertThat(StaffAccess.reason(claimedByMarc, MARC, NOW)).contains(BookingAccessed.MEDIATION_CLAIMED);
        assertThat(StaffAccess.reason(claimedByMarc, MAYA, NOW)).contains(BookingAccessed.MEDIATION_POOL);
    }

    @Test
    void aRunningMandateForTheStaffMembersSiteAndTheJourneysProcedure() {
        JourneyAccess.Mandate running = new JourneyAccess.Mandate("fs-aubervilliers", "cni-renouvellement", NOW.plus(Duration.ofDays(7)), false);
        assertThat(StaffAccess.reason(mandates(running), AGNES, NOW)).contains(BookingAccessed.MANDATE);
        assertThat(StaffAccess.reason(mandates(running), SOFIANE, NOW)).as("another site").isEmpty();
        assertThat(StaffAccess.reason(mandates(running), MAYA, NOW)).as("a mediator has no site").isEmpty();
        assertThat(StaffAccess.reason(mandates(running), AGNES, NOW.plus(Duration.ofDays(7)))).as("expired").isEmpty();
        assertThat(StaffAccess.reason(mandates(new JourneyAccess.Mandate("fs-aubervilliers", "cni-renouvellement",
                NOW.plus(Duration.ofDays(7)), true)), AGNES, NOW)).as("revoked").isEmpty();
        assertThat(StaffAccess.reason(mandates(new JourneyAccess.Mandate("fs-aubervilliers", "aide-logement",
                NOW.plus(Duration.ofDays(7)), false)), AGNES, NOW)).as("for another procedure").isEmpty();
    }

    @Test
    void theSitesAgentChecksInABookingOfTheirSiteWithoutAnotherReason() {
        assertThat(StaffAccess.reasonToCheckIn(journey(), AGNES, "fs-aubervilliers", NOW)).contains(BookingAccessed.DESK_CHECK_IN);
        assertThat(StaffAccess.reasonToCheckIn(journey(), SOFIANE, "fs-aubervilliers", NOW)).isEmpty();
        assertThat(StaffAccess.reasonToCheckIn(with(journey(), "claimedBy", "agnes-sub"), AGNES, "fs-aubervilliers", NOW))
                .as("a stronger reason is the one logged").contains(BookingAccessed.CLAIMED);
    }

    private static JourneyAccess with(JourneyAccess j, String field, String value) {
        return new JourneyAccess(j.journeyId(), j.ownerSubject(), j.procedureId(),
                field.equals("claimedBy") ? value : j.claimedBy(), field.equals("handoffSite") ? value : j.handoffSite(),
                j.presentSite(), j.presentAt(), j.verifiedBy(), j.verifiedUntil(), j.mandates(), j.openCases());
    }

    private static JourneyAccess cases(JourneyAccess.MediationCase... open) {
        JourneyAccess j = journey();
        return new JourneyAccess(j.journeyId(), j.ownerSubject(), j.procedureId(), null, null, null, null, null, null,
                List.of(), List.of(open));
    }

    private static JourneyAccess mandates(JourneyAccess.Mandate... mandates) {
        JourneyAccess j = journey();
        return new JourneyAccess(j.journeyId(), j.ownerSubject(), j.procedureId(), null, null, null, null, null, null,
                List.of(mandates), List.of());
    }
}
