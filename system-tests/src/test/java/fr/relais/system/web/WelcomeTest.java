package fr.relais.system.web;

import fr.relais.system.harness.Api;
import fr.relais.system.harness.RelaisSystem;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first page a person sees, before any login: the public home page says in French what Relais does and how to get
 * help without an account; its "Se connecter" leads to Relais' own Keycloak page, in French, light, with the same
 * help. Both pages pass axe-core with no serious or critical violation.
 */
@ExtendWith(RelaisSystem.class)
@Order(79)
class WelcomeTest {

    @Test
    void aVisitorReadsTheHomePageThenSignsInOnAFrenchLoginPage() {
        try (Browser visitor = Browser.open("visitor", true)) {
            visitor.driver.get(Api.gatewayUrl() + "/");
            assertThat(visitor.find("html").getAttribute("lang")).isEqualTo("fr");
            assertThat(visitor.driver.findElements(By.tagName("h1"))).hasSize(1);
            assertThat(visitor.find("#titre-aide").getText()).isEqualTo("Besoin d'aide ?");
            String page = visitor.find("main").getText();
            assertThat(page).contains("France Services Aubervilliers").contains("France Services Guéret")
                    .contains("09 70 00 00 00").contains("appel non surtaxé");
            assertThat(visitor.driver.findElements(By.cssSelector("form[action='/deconnexion']"))).as("nobody signed in").isEmpty();
            accessible(visitor, "00-accueil-public");

            visitor.find("#se-connecter").click();
            visitor.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
            assertThat(visitor.driver.getCurrentUrl()).contains("/realms/relais/");
            assertThat(visitor.find("html").getAttribute("lang")).isEqualTo("fr");
            assertThat(visitor.find("#kc-page-title").getText()).isEqualTo("Se connecter à Relais");
            assertThat(visitor.find("#relais-aide h2").getText()).isEqualTo("Besoin d'aide ?");
            assertThat(visitor.find("#relais-aide").getText()).contains("France Services Aubusson").contains("09 70 00 00 00");
            // the form the other browser tests fill keeps its ids
            assertThat(visitor.driver.findElements(By.id("password"))).hasSize(1);
            assertThat(visitor.find("#kc-login").getText()).isEqualTo("Se connecter");
            accessible(visitor, "00-connexion-keycloak");
        }
    }

    private static void accessible(Browser browser, String page) {
        browser.screenshot(page);
        assertThat(Axe.seriousViolations(browser.driver)).as("axe-core on " + page).isEmpty();
    }
}
