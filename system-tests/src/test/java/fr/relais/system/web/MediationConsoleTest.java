package fr.relais.system.web;

import fr.relais.system.harness.Journeys;
import fr.relais.system.harness.RelaisSystem;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static fr.relais.testsupport.DemoUser.CAMILLE;
import static fr.relais.testsupport.DemoUser.MAYA;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Friction reaches a human through the web: Camille fails a step three times and asks for help on the portal;
 * Maya, mediator of pool 93, finds the case in her console with the reasons it was opened, claims it, notes her
 * call, books a desk appointment for her and resolves the case; Camille's page shows the mediator taking over
 * and then handing back, live.
 */
@ExtendWith(RelaisSystem.class)
@Order(81)
class MediationConsoleTest {

    @Test
    void aPleaForHelpOnThePortalReachesTheMediatorConsole() {
        try (Browser camille = Browser.open("camille", false); Browser maya = Browser.open("maya", false)) {
            camille.login(CAMILLE, "/portail");
            camille.find("button[data-procedure='aide-logement']").click();
            camille.wait.until(ExpectedConditions.urlMatches("/portail/demarches/[0-9a-f-]{36}$"));
            String journeyUrl = camille.driver.getCurrentUrl();
            String journeyId = journeyUrl.substring(journeyUrl.lastIndexOf('/') + 1);
            for (int attempt = 0; attempt < 3; attempt++) {
                camille.find("form[action*='/etapes/'] button[type=submit]").click();
                camille.find("#resume-erreurs");
            }
            assertThat(camille.driver.findElements(By.cssSelector("p.erreur"))).as("each missing field says so").isNotEmpty();
            camille.find("#besoin-aide").click();
            camille.find("p.info");
            camille.script("window.relaisSamePage = 'oui';");

            maya.login(MAYA, "/mediation");
            maya.wait.withTimeout(Duration.ofSeconds(20)).until(driver -> {
                driver.navigate().refresh();
                return !driver.findElements(By.cssSelector("tr[data-journey='" + journeyId + "']")).isEmpty();
            });
            accessible(maya, "11-mediation-dossiers");
            maya.find("tr[data-journey='" + journeyId + "'] a").click();
            // the console speaks French: signals, the case's reason and its score as a level with a rounded figure
            assertThat(maya.find("#signaux").getText()).contains("erreur de saisie").contains("demande d'aide")
                    .doesNotContain("validation-error").doesNotContain("help-requested");
            assertThat(maya.find("main").getText()).doesNotContain("friction-threshold")
                    .containsPattern("Score de difficulté : (faible|modérée|forte|très forte) \\(\\d+,\\d\\)");
            camille.wait.until(ExpectedConditions.textToBe(By.id("statut"), "Suivi par un médiateur"));

            maya.find("#prendre-dossier").click();
            new Select(maya.find("#issue-contact")).selectByValue("reached");
            maya.type("note", "rappel fait, formulaire expliqué");
            accessible(maya, "12-mediation-dossier-pris");
            maya.find("#noter-contact").click();
            maya.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("suivi"), "rappel fait"));
            Journeys.cancelAppointmentsAhead(CAMILLE);
            maya.find("#prendre-rdv").click();
            bookFirstFreeSlot(maya);
            accessible(maya, "13-mediation-rendez-vous-pour-la-personne");
            maya.find("a[href='/mediation/dossiers/" + maya.driver.getCurrentUrl().replaceAll(".*/dossiers/([^/]+)/.*", "$1") + "']").click();
            new Select(maya.find("#issue")).selectByValue("booked-desk-appointment");
            maya.find("#clore").click();
            maya.wait.until(ExpectedConditions.textToBe(By.id("statut"), "Clos"));

            // the case closes and the journey is handed back (mediation-service may open a new case at once if
            // the friction is still above its threshold): the citizen's timeline shows it live
            camille.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("historique"), "Médiation terminée"));
            assertThat(camille.script("return window.relaisSamePage;")).as("updated live, not reloaded").isEqualTo("oui");
            accessible(camille, "14-portail-apres-mediation");
        }
    }

    /**
     * Books the first free slot for the person. The page may refuse (the slot went meanwhile, or appointment-service has
     * not yet read the case that lets her book) or say the service did not answer in time: as a mediator would, she
     * looks again and retries, twice at most; what each refusal said is in the failure.
     */
    private static void bookFirstFreeSlot(Browser maya) {
        List<String> refusals = new ArrayList<>();
        for (int attempt = 0; attempt < 3; attempt++) {
            new Select(maya.find("#motif")).selectByValue("accompagnement");
            new Select(maya.find("#lieu")).selectByValue("fs-aubervilliers");
            maya.find("#voir-creneaux").click();
            maya.find("#reserver").click();
            maya.wait.until(driver -> !driver.findElements(By.cssSelector("p.alerte")).isEmpty()
                    || driver.findElements(By.cssSelector("#rendez-vous .statut")).stream().anyMatch(s -> s.getText().contains("Confirmé")));
            List<WebElement> alerts = maya.driver.findElements(By.cssSelector("p.alerte"));
            if (alerts.isEmpty()) {
                return;
            }
            refusals.add(alerts.get(0).getText());
            System.out.println("booking for the person refused, trying again: " + alerts.get(0).getText());
        }
        throw new AssertionError("the mediator could not book for the person: " + refusals);
    }

    private static void accessible(Browser browser, String page) {
        browser.screenshot(page);
        assertThat(Axe.seriousViolations(browser.driver)).as("axe-core on " + page).isEmpty();
    }
}
