package fr.relais.gateway.web;

import fr.relais.gateway.downstream.PersonAnswers;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The mediator console's "Joindre l'usager" block: French words, consented channels only, a tel: link. */
class MediationViewsTest {

    @Test
    void theContactReadIsShownInFrenchWithTheConsentedChannelsOnly() {
        PersonAnswers.Contact read = new PersonAnswers.Contact(UUID.randomUUID(), "Mohamed", "Benali", "ar",
                List.of("handicap-visuel", "lecture-difficile"), "+33555123456", null,
                new PersonAnswers.Address("3 place du Marché", "23000", "Guéret"),
                new PersonAnswers.Consents(false, false, true, true, false), Instant.now());
        MediationViews.ContactBlock block = MediationViews.contact(read);
        assertThat(block.state()).isEqualTo("contact");
        assertThat(block.names()).isEqualTo("Mohamed Benali");
        assertThat(block.language()).isEqualTo("arabe");
        assertThat(block.needs()).isEqualTo("handicap visuel, difficultés de lecture");
        assertThat(block.phoneLink()).isEqualTo("tel:+33555123456");
        assertThat(block.email()).isNull();
        assertThat(block.address()).isEqualTo("3 place du Marché, 23000 Guéret");
    }

    @Test
    void withoutLanguageOrNeedsTheBlockSaysFrenchAndNothingElse() {
        MediationViews.ContactBlock block = MediationViews.contact(new PersonAnswers.Contact(UUID.randomUUID(), "Camille",
                "Martin", null, List.of(), null, null, null, null, Instant.now()));
        assertThat(block.language()).isEqualTo("français");
        assertThat(block.needs()).isNull();
        assertThat(block.phone()).isNull();
        assertThat(block.phoneLink()).isNull();
        assertThat(block.address()).isNull();
    }

    @Test
    void aFailedReadIsUnavailable() {
        assertThat(MediationViews.contactRefused(new IllegalStateException("down")).state()).isEqualTo("unavailable");
    }

    @Test
    void aCallBackFailedTwiceIsNamedInFrench() {
        assertThat(Vocabulary.signal("callback-failed")).isEqualTo("rappel téléphonique manqué deux fois");
    }

    @Test
    void theSkillsACaseNeedsReadInWordsWithWhetherTheMediatorHasThem() {
        assertThat(MediationViews.skills(caseNeeding(List.of("langue-arabe", "handicap-visuel"), "matched", List.of())))
                .isEqualTo("Compétences requises : langue arabe, handicap visuel (vous les avez)");
        assertThat(MediationViews.skills(caseNeeding(List.of("langue-arabe"), "missing", List.of("langue-arabe"))))
                .isEqualTo("Compétences requises : langue arabe (il vous manque : langue arabe)");
        assertThat(MediationViews.skills(caseNeeding(List.of(), "none-required", List.of()))).isNull();
        assertThat(MediationViews.skills(caseNeeding(null, "unknown", null))).isNull();
        assertThat(Vocabulary.skill("mobilite-reduite")).isEqualTo("mobilité réduite");
    }

    private static fr.relais.gateway.downstream.MediationAnswers.Case caseNeeding(List<String> skills, String match,
                                                                               List<String> missing) {
        return new fr.relais.gateway.downstream.MediationAnswers.Case(UUID.randomUUID(), UUID.randomUUID(), "open", "high", 1,
                "23", 12.0, 2, "friction-threshold", "cni-renouvellement", "identite", null, Instant.now(), null, null, null,
                null, null, null, Instant.now(), 0, skills, match, missing);
    }
}
