package fr.relais.system.web;

import fr.relais.system.harness.RelaisSystem;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import static fr.relais.testsupport.DemoUser.MOHAMED;
import static org.assertj.core.api.Assertions.assertThat;

/** On a phone-sized screen, a citizen gives a mandate to a site and withdraws it, books a desk appointment for the journey, moves it, then cancels it. */
@ExtendWith(RelaisSystem.class)
@Order(83)
class AppointmentWebTest {

    @Test
    void grantAMandateThenBookMoveAndCancelAnAppointment() {
        try (Browser mohamed = Browser.open("mohamed", true)) {
            mohamed.login(MOHAMED, "/portail");
            mohamed.find("button[data-procedure='aide-logement']").click();
            mohamed.wait.until(ExpectedConditions.urlMatches("/portail/demarches/[0-9a-f-]{36}$"));
            new Select(mohamed.find("#mandat-lieu")).selectByValue("fs-saint-denis");
            new Select(mohamed.find("#mandat-duree")).selectByValue("ONE_WEEK");
            mohamed.find("#donner-mandat").click();
            // each click reloads the page: wait for the new page's message, never read the old one (it goes stale)
            mohamed.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.info"), "mandat est enregistré"));
            assertThat(mohamed.find("#mandats-en-cours").getText()).contains("fs-saint-denis");
            accessible(mohamed, "20-mandat-en-cours");
            // and withdraws it: the site's agents lose that reason to act
            mohamed.find("#mandats-en-cours button").click();
            mohamed.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.info"), "mandat est retiré"));
            assertThat(mohamed.driver.findElements(By.id("mandats-en-cours"))).isEmpty();
            mohamed.find("#mes-rendez-vous").click();

            choose(mohamed);
            accessible(mohamed, "21-rendez-vous-creneaux");
            String first = mohamed.find("input[name=startsAt]:checked").getAttribute("value");
            mohamed.find("#reserver").click();
            mohamed.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rendez-vous"), "Confirmé"));
            accessible(mohamed, "22-rendez-vous-reserve");

            mohamed.find("#rendez-vous a").click();
            choose(mohamed);
            mohamed.find("#creneau-2").click();
            String second = mohamed.find("#creneau-2").getAttribute("value");
            assertThat(second).isNotEqualTo(first);
            mohamed.find("#reserver").click();
            mohamed.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p[role=status]"), "enregistré"));
            assertThat(mohamed.find("#rendez-vous").getText()).as("moved, still one active booking").contains("Confirmé");

            mohamed.find("#rendez-vous li form button").click();
            mohamed.wait.until(driver -> driver.findElements(By.cssSelector("#rendez-vous form")).isEmpty());
            assertThat(mohamed.find("#rendez-vous").getText()).contains("Annulé").doesNotContain("CANCELLED");
            accessible(mohamed, "23-rendez-vous-annule");
        }
    }

    private static void choose(Browser browser) {
        new Select(browser.find("#motif")).selectByValue("accompagnement");
        new Select(browser.find("#lieu")).selectByValue("fs-aubervilliers");
        browser.find("#voir-creneaux").click();
        browser.find("input[name=startsAt]");
    }

    private static void accessible(Browser browser, String page) {
        browser.screenshot(page);
        assertThat(Axe.seriousViolations(browser.driver)).as("axe-core on " + page).isEmpty();
    }
}
