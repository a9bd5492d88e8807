package fr.relais.system.web;

import fr.relais.system.harness.Api;
import fr.relais.system.harness.Journeys;
import fr.relais.system.harness.RelaisSystem;
import fr.relais.testsupport.DemoUser;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static fr.relais.system.harness.Journeys.submit;
import static fr.relais.testsupport.DemoUser.AGNES;
import static fr.relais.testsupport.DemoUser.CAMILLE;
import static fr.relais.testsupport.DemoUser.INES;
import static fr.relais.testsupport.DemoUser.OLGA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The experience pages in a real browser: Camille answers the end-of-journey survey from her e-mail's link (her comment's phone
 * number removed), Agnes records a citizen's answers at the desk and flags a missing document, Inès, who owns the
 * address change, publishes the comment and answers publicly, Olga (ops) reads the sites' workload, and a visitor
 * reads the comment and the answer on /transparence. Every page
 * passes axe-core with no serious or critical violation.
 */
@ExtendWith(RelaisSystem.class)
@Order(86)
class ExperienceWebTest {

    private static final String PROCEDURE = "changement-adresse";

    @Test
    void aSurveyOnThePortalAndAtTheDeskThenTheOwnerAnswersAndEveryoneReadsIt() {
        UUID online = completedOnline();
        try (Browser camille = Browser.open("camille", true)) {
            camille.login(CAMILLE, "/portail");
            // the link of the "démarche terminée" e-mail; the survey appears once mediation-service has read the end
            await("the survey on Camille's completed journey").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        camille.driver.get(Api.gatewayUrl() + "/avis/" + online + "/email");
                        return !camille.driver.findElements(By.id("questionnaire")).isEmpty();
                    });
            assertThat(camille.driver.findElement(By.cssSelector("input[name='via']")).getAttribute("value")).isEqualTo("email");
            assertThat(camille.find("#titre-questionnaire").getText()).isEqualTo("Votre avis sur cette démarche");
            assertThat(camille.find("#questionnaire-easyToUnderstand-sans").isSelected()).as("every question may stay blank").isTrue();
            accessible(camille, "90-portail-questionnaire");
            camille.find("label[for='questionnaire-easyToUnderstand-2']").click();
            camille.find("label[for='questionnaire-feelingComparedToBefore-4']").click();
            camille.type("questionnaire-commentaire", "La page organismes est longue. Rappelez-moi au 06 12 34 56 78");
            camille.find("#envoyer-questionnaire").click();
            assertThat(camille.find("#questionnaire-message").getText()).contains("Merci").contains("retiré");
            assertThat(camille.driver.findElements(By.id("questionnaire"))).as("answered once").isEmpty();
            accessible(camille, "91-portail-questionnaire-merci");
        }

        UUID atTheDesk = completedAtTheDesk();
        try (Browser agnes = Browser.open("agnes", false)) {
            agnes.login(AGNES, "/guichet");
            await("the survey on the journey Agnes finished").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        agnes.driver.get(Api.gatewayUrl() + "/guichet/demarches/" + atTheDesk);
                        return !agnes.driver.findElements(By.id("enregistrer-questionnaire")).isEmpty();
                    });
            accessible(agnes, "92-guichet-questionnaire");
            agnes.find("label[for='questionnaire-helpWhenNeeded-5']").click();
            agnes.find("#enregistrer-questionnaire").click();
            agnes.find("#questionnaire-rempli");
            agnes.find("label[for='difficulte-missing-document']").click();
            agnes.find("#signaler-difficulte").click();
            agnes.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[role='status']")));
            accessible(agnes, "93-guichet-difficulte-signalee");
        }

        String answer = "Nous regroupons les organismes sur une seule page dans la prochaine version.";
        try (Browser ines = Browser.open("ines", false)) {
            ines.login(INES, "/proprietaire");
            assertThat(ines.find("#mes-demarches").getText()).contains("Déclaration de changement d'adresse");
            accessible(ines, "94-proprietaire-accueil");
            ines.driver.get(Api.gatewayUrl() + "/proprietaire/" + PROCEDURE);
            assertThat(ines.find("#titre-chemins").getText()).isEqualTo("Comparaison des chemins");
            String pending = ines.find("#a-moderer").getText();
            assertThat(pending).contains("La page organismes est longue. Rappelez-moi au [retiré]").doesNotContain("06 12 34 56 78");
            accessible(ines, "95-proprietaire-demarche");
            ines.driver.findElements(By.cssSelector("#a-moderer li")).stream()
                    .filter(li -> li.getText().contains("La page organismes est longue."))
                    .findFirst().orElseThrow().findElement(By.cssSelector("button[id^='publier-']")).click();
            assertThat(ines.find("#publies").getText()).contains("La page organismes est longue.");
            ines.type("reponse-texte", answer);
            ines.type("reponse-version", "2");
            ines.find("#publier-reponse").click();
            assertThat(ines.find("#reponses").getText()).contains(answer);
            accessible(ines, "96-proprietaire-reponse-publiee");
        }

        try (Browser olga = Browser.open("olga", false)) {
            olga.login(OLGA, "/proprietaire");
            olga.driver.get(Api.gatewayUrl() + "/exploitation/sites");
            assertThat(olga.find("h1").getText()).isEqualTo("Charge des sites et besoins de formation");
            assertThat(olga.find("#titre-charge").getText()).isEqualTo("Charge de travail par lieu");
            accessible(olga, "97-exploitation-sites");
        }

        try (Browser visitor = Browser.open("visitor", true)) {
            visitor.driver.get(Api.gatewayUrl() + "/transparence");
            String page = visitor.find("main").getText();
            assertThat(page).contains("La page organismes est longue. Rappelez-moi au [retiré]").contains(answer)
                    .doesNotContain("06 12 34 56 78");
            assertThat(visitor.find("#donnees-csv").getAttribute("href")).endsWith("/transparence/donnees.csv");
            accessible(visitor, "98-transparence");
        }
    }

    private static UUID completedOnline() {
        UUID journey = Journeys.start(CAMILLE, PROCEDURE);
        submit(CAMILLE, "portal", journey, "identite", Map.of("nom", "Martin", "prenoms", "Camille", "date-naissance", "1984-03-12"));
        finish(CAMILLE, "portal", journey);
        return journey;
    }

    private static UUID completedAtTheDesk() {
        UUID journey = Journeys.start(CAMILLE, PROCEDURE);
        submit(CAMILLE, "portal", journey, "identite", Map.of("nom", "Martin", "prenoms", "Camille", "date-naissance", "1984-03-12"));
        String code = Journeys.read(CAMILLE, "portal", journey).get("resumeCode").asText();
        Api.as(AGNES).post("/api/desk/check-in", Map.of("resumeCode", code, "checkValue", "1984-03-12")).expect(200);
        Api.as(AGNES).post("/api/desk/journeys/" + journey + "/claim", Map.of()).expect(200);
        finish(AGNES, "desk", journey);
        return journey;
    }

    private static void finish(DemoUser user, String channel, UUID journey) {
        submit(user, channel, journey, "nouvelle-adresse", Map.of("adresse", "12 rue des Lilas", "code-postal", "93300",
                "commune", "Aubervilliers", "date-emmenagement", "2026-11-02"));
        submit(user, channel, journey, "organismes", Map.of("caf", "oui", "assurance-maladie", "oui", "impots", "oui",
                "france-travail", "non", "assurance-retraite", "non"));
        submit(user, channel, journey, "confirmation", Map.of("attestation-sur-l-honneur", "oui"));
    }

    private static void accessible(Browser browser, String page) {
        browser.screenshot(page);
        assertThat(Axe.seriousViolations(browser.driver)).as("axe-core on " + page).isEmpty();
    }
}
