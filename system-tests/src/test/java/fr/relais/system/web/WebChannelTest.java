package fr.relais.system.web;

import fr.relais.system.harness.RelaisSystem;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;

import static fr.relais.testsupport.DemoUser.AGNES;
import static fr.relais.testsupport.DemoUser.CAMILLE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web channel in two real browsers: Camille starts a change of address on the portal, gets a field wrong and
 * is told what to fix, then asks to continue at the Aubervilliers desk; Agnès, agent there, checks her in with
 * her resume code, claims the journey, completes the step for her and hands it back; Camille's open page follows
 * every move live, without a reload. Every page passes axe-core with no serious or critical violation.
 */
@ExtendWith(RelaisSystem.class)
@Order(80)
class WebChannelTest {

    private static final String SITE = "fs-aubervilliers";
    private static final String BIRTH_DATE = "12/03/1984";

    @Test
    void citizenAsksForTheDeskAndWatchesTheAgentActLive() {
        try (Browser camille = Browser.open("camille", true); Browser agnes = Browser.open("agnes", false)) {
            camille.login(CAMILLE, "/portail");
            assertThat(camille.find("h1").getText()).isEqualTo("Mes démarches");
            accessible(camille, "01-portail-mes-demarches");

            camille.find("button[data-procedure='changement-adresse']").click();
            camille.wait.until(ExpectedConditions.urlMatches("/portail/demarches/[0-9a-f-]{36}$"));
            String journeyUrl = camille.driver.getCurrentUrl();
            String journeyId = journeyUrl.substring(journeyUrl.lastIndexOf('/') + 1);
            assertThat(camille.find("#titre-etape").getText()).contains("Votre identité");
            accessible(camille, "02-portail-etape-identite");

            camille.type("champ-nom", "Martin");
            camille.type("champ-prenoms", "Camille");
            camille.date("champ-date-naissance", "1984-03-12");
            camille.find("form[action$='/etapes/identite'] button[type=submit]").click();
            camille.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("titre-etape"), "nouvelle adresse"));

            // a postcode of four digits: refused, and the message says what to fix, tied to the field
            camille.type("champ-adresse", "12 rue des Lilas");
            camille.type("champ-code-postal", "9330");
            camille.type("champ-commune", "Aubervilliers");
            camille.date("champ-date-emmenagement", "2026-01-15");
            camille.find("form[action$='/etapes/nouvelle-adresse'] button[type=submit]").click();
            String error = camille.find("#erreur-code-postal").getText();
            assertThat(error).contains("format");
            assertThat(camille.find("#champ-code-postal").getAttribute("aria-describedby")).contains("erreur-code-postal");
            assertThat(camille.find("#champ-code-postal").getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(camille.find("#champ-commune").getAttribute("value")).as("answers kept").isEqualTo("Aubervilliers");
            accessible(camille, "03-portail-erreur-de-saisie");

            String resumeCode = camille.find("#code-reprise").getText().strip();
            assertThat(camille.find("#titre-code + p + p").getText()).contains("Donnez ce code au guichet ou au téléphone");
            new Select(camille.find("#site")).selectByValue(SITE);
            camille.find("#continuer-guichet").click();
            camille.wait.until(ExpectedConditions.textToBe(By.id("statut"), "En attente d'un agent"));
            accessible(camille, "04-portail-en-attente-du-guichet");
            // from here on, this page must never reload: the marker would vanish with it
            camille.script("window.relaisSamePage = 'oui';");

            agnes.login(AGNES, "/guichet");
            agnes.wait.withTimeout(Duration.ofSeconds(20)).until(driver -> {
                driver.navigate().refresh();
                return !driver.findElements(By.cssSelector("tr[data-journey='" + journeyId + "']")).isEmpty();
            });
            accessible(agnes, "05-guichet-file-du-site");

            agnes.type("code-reprise", resumeCode);
            agnes.type("date-naissance", BIRTH_DATE);
            agnes.find("#enregistrer-arrivee").click();
            agnes.wait.until(ExpectedConditions.urlContains("/guichet/demarches/" + journeyId));
            accessible(agnes, "06-guichet-demarche-avant-prise-en-charge");

            agnes.find("#prendre-en-charge").click();
            agnes.find("#rendre-la-main");
            assertThat(agnes.find("#annonce").getText()).as("why she may see it, in words")
                    .contains("démarche prise en charge par l'agent").doesNotContain("claimed");
            assertThat(agnes.find("#titre-donnees + table").getText()).contains("Martin").contains("1984-03-12");
            camille.wait.until(ExpectedConditions.textToBe(By.id("statut"), "Pris en charge par un agent"));
            assertThat(camille.script("return window.relaisSamePage;")).isEqualTo("oui");

            agnes.type("champ-adresse", "12 rue des Lilas");
            agnes.type("champ-code-postal", "93300");
            agnes.type("champ-commune", "Aubervilliers");
            agnes.date("champ-date-emmenagement", "2026-01-15");
            accessible(agnes, "07-guichet-demarche-prise-en-charge");
            agnes.find("#valider-etape").click();
            agnes.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("titre-etape"), "Organismes"));
            agnes.find("#rendre-la-main").click();
            agnes.wait.until(ExpectedConditions.urlMatches("/guichet$"));

            camille.wait.until(ExpectedConditions.textToBe(By.id("statut"), "En cours"));
            assertThat(camille.find("#titre-etape").getText()).contains("Organismes");
            assertThat(camille.script("return window.relaisSamePage;")).as("updated live, not reloaded").isEqualTo("oui");
            assertThat(camille.find("#journal-acces").getText()).contains("agent d'accueil (" + SITE + ")");
            accessible(camille, "08-portail-suite-en-ligne");
        }
    }

    private static void accessible(Browser browser, String page) {
        browser.screenshot(page);
        assertThat(Axe.seriousViolations(browser.driver)).as("axe-core on " + page).isEmpty();
    }
}
