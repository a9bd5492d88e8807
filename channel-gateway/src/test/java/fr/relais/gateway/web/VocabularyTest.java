package fr.relais.gateway.web;

import fr.relais.events.channel.TouchpointKind;
import fr.relais.events.journey.CallbackOutcomes;
import fr.relais.events.journey.CallbackWindows;
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
    void everyCallBackWindowAndOutcomeHasItsWords() {
        for (CallbackWindows.Window window : CallbackWindows.all()) {
            assertThat(Vocabulary.callbackWindow(window.code())).as(window.code()).isNotEqualTo(window.code()).doesNotContain("inconnu", "apres");
        }
        assertThat(Vocabulary.callbackWindows(List.of("mardi-matin", "jeudi-apres-midi"))).isEqualTo("mardi matin, jeudi après-midi");
        assertThat(Vocabulary.callbackWindow("dimanche-matin")).isEqualTo("créneau inconnu");
        assertThat(Vocabulary.callbackWindowWithHours("mardi-apres-midi")).isEqualTo("mardi après-midi (13 h 30 – 17 h)");
        assertThat(Vocabulary.callbackWindowWithHours("lundi-matin")).isEqualTo("lundi matin (9 h – 12 h 30)");
        for (String outcome : CallbackOutcomes.all()) {
            assertThat(Vocabulary.callbackOutcome(outcome)).as(outcome).isNotEqualTo("Autre issue").doesNotContain("-");
        }
        assertThat(Vocabulary.callbackOutcome("reached")).isEqualTo("Joint");
        assertThat(Vocabulary.callbackOutcome("no-answer")).isEqualTo("Pas de réponse");
        assertThat(Vocabulary.callbackReasons()).containsKeys(HandoffReasons.NEEDS_HELP, HandoffReasons.DOCUMENTS_HELP,
                HandoffReasons.IDENTITY_CHECK, HandoffReasons.CITIZEN_CHOICE);
        assertThat(Vocabulary.callbackReasons().values()).allMatch(words -> !words.contains("-"));
    }

    @Test
    void aPersonRecordsCodesAreWords() {
        assertThat(Vocabulary.identity("declared")).isEqualTo("déclarée, non vérifiée");
        assertThat(Vocabulary.identity("checked")).isEqualTo("identité vérifiée");
        for (String need : Vocabulary.NEEDS.keySet()) {
            assertThat(Vocabulary.need(need)).doesNotContain("-", "autre");
        }
        assertThat(Vocabulary.NEEDS).hasSize(4);
        for (String language : Vocabulary.LANGUAGES.keySet()) {
            assertThat(Vocabulary.language(language)).isNotEqualTo("autre langue");
        }
        assertThat(Vocabulary.LANGUAGES.keySet()).first().isEqualTo("fr");
        assertThat(Vocabulary.language(null)).isEqualTo("français");
        assertThat(Vocabulary.language("xx")).isEqualTo("autre langue");
        assertThat(Vocabulary.CONSENTS).containsOnlyKeys("phone", "sms", "email", "letter", "surveys");
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
