package fr.relais.gateway.web;

import fr.relais.events.channel.TouchpointKind;
import fr.relais.events.journey.HandoffReasons;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Pages speak French: every code of the closed lists a page shows has its words, and figures are rounded. */
class VocabularyTest {

    @Test
    void everyHandoffReasonHasItsWords() {
        for (String reason : List.of(HandoffReasons.CITIZEN_CHOICE, HandoffReasons.NEEDS_HELP, HandoffReasons.IDENTITY_CHECK,
                HandoffReasons.DOCUMENTS_HELP)) {
            assertThat(Vocabulary.handoffReason(reason)).as(reason).isNotEqualTo("autre motif").doesNotContain("-");
        }
    }

    @Test
    void everyTouchpointKindAMediatorSeesHasItsWords() {
        for (TouchpointKind kind : TouchpointKind.values()) {
            assertThat(Vocabulary.signal(kind.wire())).as(kind.wire()).isNotEqualTo("signal").doesNotContain("-");
        }
    }

    @Test
    void accessReasonsAreWordsAndAnUnknownOneIsNeverShownAsItsCode() {
        assertThat(Vocabulary.accessReason("claimed")).isEqualTo("démarche prise en charge par l'agent");
        assertThat(Vocabulary.accessReason("verified-call")).isEqualTo("appel de l'usager vérifié");
        assertThat(Vocabulary.accessReason("some-new-reason")).isEqualTo("accès autorisé");
        assertThat(Vocabulary.caseReason("friction-threshold")).isEqualTo("difficultés répétées sur la démarche");
    }

    @Test
    void bookingStatusesAreWords() {
        assertThat(Vocabulary.bookingStatus("CONFIRMED")).isEqualTo("Confirmé");
        assertThat(Vocabulary.bookingStatus("HELD")).isEqualTo("Réservé, à confirmer");
        assertThat(Vocabulary.bookingStatus("SOMETHING")).isEqualTo("Statut inconnu");
    }

    @Test
    void aScoreIsALevelWithItsFigureRoundedTheFrenchWay() {
        assertThat(Vocabulary.frictionLevel(11.999452438714158, 10)).isEqualTo("forte (12,0)");
        assertThat(Vocabulary.frictionLevel(3, 10)).isEqualTo("faible (3,0)");
        assertThat(Vocabulary.frictionLevel(7.25, 10)).isEqualTo("modérée (7,3)");
        assertThat(Vocabulary.frictionLevel(25, 10)).isEqualTo("très forte (25,0)");
        assertThat(Vocabulary.figure(4.04)).isEqualTo("4,0");
    }
}
