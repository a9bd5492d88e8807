package fr.relais.appointment.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static fr.relais.appointment.domain.DemoWorld.*;
import static fr.relais.appointment.domain.SlotCalculatorTest.paris;
import static org.assertj.core.api.Assertions.assertThat;

class BookingPolicyTest {

    static final Instant NOW = SlotCalculatorTest.NOW; // Thursday 5 March 2026 08:00 Paris

    @Test
    void aSlotOnTheGridWithinTheRulesIsAccepted() {
        assertThat(check(AUBERVILLIERS, BIOMETRIE, paris(2026, 3, 9, 9, 20), false)).isNull();
        assertThat(check(AUBERVILLIERS, ACCOMPAGNEMENT, paris(2026, 3, 9, 13, 30), false)).isNull();
    }

    @Test
    void eachRuleHasItsOwnReason() {
        assertThat(check(AUBERVILLIERS, BIOMETRIE, paris(2026, 3, 5, 9, 0), false)).isEqualTo(Rejection.TOO_SOON);
        assertThat(check(AUBERVILLIERS, BIOMETRIE, paris(2026, 5, 12, 9, 0), false)).isEqualTo(Rejection.TOO_FAR);
        assertThat(check(AUBERVILLIERS, BIOMETRIE, paris(2026, 3, 7, 9, 0), false)).as("Saturday").isEqualTo(Rejection.CLOSED);
        assertThat(check(AUBERVILLIERS, BIOMETRIE, paris(2026, 4, 6, 9, 0), false)).as("Easter Monday").isEqualTo(Rejection.CLOSED);
        assertThat(check(GUERET, BIOMETRIE, paris(2026, 3, 11, 14, 0), false)).as("Wednesday afternoon").isEqualTo(Rejection.CLOSED);
        assertThat(check(AUBERVILLIERS, BIOMETRIE, paris(2026, 3, 9, 12, 20), false)).as("runs past 12:30").isEqualTo(Rejection.CLOSED);
        assertThat(check(AUBERVILLIERS, BIOMETRIE, paris(2026, 3, 9, 9, 5), false)).isEqualTo(Rejection.NOT_ON_GRID);
        assertThat(check(AUBERVILLIERS, BIOMETRIE, paris(2026, 3, 9, 9, 20), true)).isEqualTo(Rejection.DUPLICATE_STEP);
        assertThat(BookingPolicy.check(AUBERVILLIERS, BIOMETRIE, "cni-renouvellement", "remise", paris(2026, 3, 9, 9, 20), NOW, false))
                .get().extracting(Rejection::reason).isEqualTo(Rejection.STEP_NOT_SERVED);
        Site tel = new Site("tel-national", "x", null, Channel.PHONE, FULL_WEEK, java.util.List.of("l1"));
        assertThat(check(tel, BIOMETRIE, paris(2026, 3, 9, 9, 20), false)).isEqualTo(Rejection.MOTIF_NOT_AT_SITE);
    }

    @Test
    void theDetailSaysWhatWouldWork() {
        Rejection tooSoon = BookingPolicy.check(AUBERVILLIERS, BIOMETRIE, "cni-renouvellement", "rdv-biometrie",
                paris(2026, 3, 5, 9, 0), NOW, false).orElseThrow();
        assertThat(tooSoon.detail()).contains("2 h notice").contains(NOW.plus(Duration.ofHours(2)).toString());
        Rejection holiday = BookingPolicy.check(AUBERVILLIERS, BIOMETRIE, "cni-renouvellement", "rdv-biometrie",
                paris(2026, 4, 6, 9, 0), NOW, false).orElseThrow();
        assertThat(holiday.detail()).contains("2026-04-06").contains("public holiday");
    }

    @Test
    void aMotifServesOnlyTheStepsItNames() {
        assertThat(ACCOMPAGNEMENT.serves("aide-logement", "ressources")).isTrue();
        assertThat(ACCOMPAGNEMENT.serves("aide-logement", "etape-inventee")).as("not a step of the procedure").isFalse();
        assertThat(ACCOMPAGNEMENT.serves("procuration-vote", "verification-identite")).as("not a procedure it names").isFalse();
        BookingRules rules = new BookingRules(Duration.ZERO, Duration.ofDays(30));
        assertThat(new Motif("wildcard", "no longer a wildcard", Set.of("*"), Duration.ofMinutes(30), Channel.DESK,
                rules, Set.of("fs-gueret")).serves("aide-logement", "ressources"))
                .as("'*' alone serves nothing").isFalse();
        assertThat(new Motif("wildcard", "no longer a wildcard", Set.of("aide-logement/*"), Duration.ofMinutes(30), Channel.DESK,
                rules, Set.of("fs-gueret")).serves("aide-logement", "ressources"))
                .as("'procedure/*' serves nothing either: a step id is checked against the list").isFalse();
        assertThat(BIOMETRIE.serves("cni-renouvellement", "rdv-biometrie")).isTrue();
        assertThat(BIOMETRIE.serves("aide-logement", "rdv-biometrie")).isFalse();
    }

    @Test
    void aHoldNamesItsJourneysOwnProcedureAndARunningJourney() {
        assertThat(BookingPolicy.checkProcedure("cni-renouvellement", "cni-renouvellement")).isEmpty();
        assertThat(BookingPolicy.checkProcedure("cni-renouvellement", "aide-logement")).map(Rejection::reason)
                .contains(Rejection.NOT_THE_JOURNEYS_PROCEDURE);
        assertThat(BookingPolicy.checkProcedure(null, "aide-logement")).as("a journey learnt before V6: no procedure known").isEmpty();
        assertThat(BookingPolicy.checkRunning(null)).isEmpty();
        assertThat(BookingPolicy.checkRunning(NOW)).map(Rejection::reason).contains(Rejection.JOURNEY_ENDED);
    }

    private static String check(Site site, Motif motif, Instant start, boolean duplicate) {
        String step = motif == BIOMETRIE ? "rdv-biometrie" : "justificatifs";
        return BookingPolicy.check(site, motif, "cni-renouvellement", step, start, NOW, duplicate)
                .map(Rejection::reason).orElse(null);
    }
}
