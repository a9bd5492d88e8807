package fr.relais.mediation.experience;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Personal data in a comment is removed before it is stored; what is not personal stays word for word. */
class CommentRedactionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Appelez le 06 12 34 56 78 svp|Appelez le [retiré] svp",
            "Mon numéro : +33 6 12 34 56 78.|Mon numéro : [retiré].",
            "Écrivez à camille.martin@example.org merci|Écrivez à [retiré] merci",
            "Je suis née le 12/03/1984 à Lyon|Je suis née le [retiré] à Lyon",
            "Né le 2 novembre 1951, je n'ai pas internet|Né le [retiré], je n'ai pas internet",
            "J'habite 12 rue des Lilas, 93300 Aubervilliers|J'habite [retiré], [retiré] Aubervilliers",
            "Mon numéro de sécu 1 84 03 75 123 456 78 est refusé|Mon numéro de sécu [retiré] est refusé",
            "Bonjour, je m'appelle Mohamed Benali et j'ai attendu|Bonjour, [retiré] et j'ai attendu",
            "Madame Martin a été très patiente|[retiré] a été très patiente",
            "IBAN FR76 3000 6000 0112 3456 7890 189 refusé|IBAN [retiré] refusé"})
    void removesWhatLooksLikePersonalData(String comment, String stored) {
        assertThat(CommentRedaction.redact(comment).text()).isEqualTo(stored);
    }

    @Test
    void keepsAnOrdinaryCommentAndItsSmallNumbers() {
        CommentRedaction.Redacted redacted = CommentRedaction.redact("Étape 3 trop longue : 2 heures pour 4 pièces, v2 mieux.");
        assertThat(redacted.text()).isEqualTo("Étape 3 trop longue : 2 heures pour 4 pièces, v2 mieux.");
        assertThat(redacted.removed()).isZero();
    }

    @Test
    void countsEveryRemovedPiece() {
        assertThat(CommentRedaction.redact("06 12 34 56 78 ou 05 55 12 34 56").removed()).isEqualTo(2);
    }
}
