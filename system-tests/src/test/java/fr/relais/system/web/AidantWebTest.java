package fr.relais.system.web;

import fr.relais.system.harness.Api;
import fr.relais.system.harness.Persons;
import fr.relais.system.harness.Journeys;
import fr.relais.system.harness.RelaisSystem;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.util.Map;
import java.util.UUID;

import static fr.relais.testsupport.DemoUser.AGNES;
import static fr.relais.testsupport.DemoUser.CAMILLE;
import static fr.relais.testsupport.DemoUser.MOHAMED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Un proche peut m'aider" in a real browser: Mohamed names Camille (who has an account) as his aidant on a journey he
 * started online, a wrong birth date first, refused in French; Camille's portal then lists it under "Démarches que je
 * suis pour un proche". Every page passes axe-core.
 */
@ExtendWith(RelaisSystem.class)
@Order(83)
class AidantWebTest {

    @Test
    void mohamedNamesCamilleWhoFindsTheJourneyOnHerPortal() {
        Persons.camilleLinked();
        UUID journey = Journeys.start(MOHAMED, "changement-adresse");

        try (Browser mohamed = Browser.open("mohamed", true)) {
            mohamed.login(MOHAMED, "/portail");
            mohamed.driver.get(Api.gatewayUrl() + "/portail/demarches/" + journey);
            mohamed.type("aidant-prenoms", "Camille");
            mohamed.type("aidant-nom", "Martin");
            mohamed.type("aidant-naissance", "13/03/1984");
            mohamed.find("#designer-aidant").click();
            assertThat(mohamed.find("p.alerte[role=alert]").getText()).contains("Aucune personne ayant un compte Relais");

            mohamed.type("aidant-prenoms", "Camille");
            mohamed.type("aidant-nom", "Martin");
            mohamed.type("aidant-naissance", "12/03/1984");
            new Select(mohamed.find("#aidant-duree")).selectByValue("ONE_WEEK");
            mohamed.find("#designer-aidant").click();
            assertThat(mohamed.find("main").getText()).contains("Votre proche est désigné").contains("votre aidant Camille Martin");
            accessible(mohamed, "40-portail-aidant-designe");
        }
        try (Browser camille = Browser.open("camille", true)) {
            camille.login(CAMILLE, "/portail");
            assertThat(camille.find("#titre-proches").getText()).isEqualTo("Démarches que je suis pour un proche");
            assertThat(camille.driver.findElements(By.cssSelector("a[href='/portail/demarches/" + journey + "']"))).isNotEmpty();
            accessible(camille, "41-portail-demarches-suivies");
        }
    }

    private static void accessible(Browser browser, String page) {
        browser.screenshot(page);
        assertThat(Axe.seriousViolations(browser.driver)).as("axe-core on " + page).isEmpty();
    }
}
