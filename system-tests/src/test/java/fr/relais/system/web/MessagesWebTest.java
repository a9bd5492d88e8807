package fr.relais.system.web;

import com.fasterxml.jackson.databind.JsonNode;
import fr.relais.system.harness.Api;
import fr.relais.system.harness.Letters;
import fr.relais.system.harness.Persons;
import fr.relais.system.harness.RelaisSystem;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.util.Map;

import static fr.relais.testsupport.DemoUser.CAMILLE;
import static fr.relais.testsupport.DemoUser.GILLES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The messages' pages in a real browser: Camille says how to reach her (a wrong e-mail refused field by field, in
 * French), reads "Mes messages"; Gilles opens the Guéret letters to print and marks a day posted. Every page passes
 * axe-core. Runs after NotificationTest, whose messages and letters it shows.
 */
@ExtendWith(RelaisSystem.class)
@Order(85)
class MessagesWebTest {

    @Test
    void camilleSaysHowToReachHerAndReadsHerMessages() {
        Persons.camilleLinked();
        try (Browser camille = Browser.open("camille", true)) {
            camille.login(CAMILLE, "/portail");
            camille.driver.get(Api.gatewayUrl() + "/portail/contact");
            camille.type("contact-email", "camille.martin@");
            camille.find("#enregistrer-contact").click();
            assertThat(camille.find("#erreur-contact-email").getText()).isNotBlank();
            accessible(camille, "50-portail-contact-erreur");

            camille.type("contact-email", "camille.martin@example.org");
            camille.type("contact-phone", "06 12 34 56 78");
            checked(camille.find("#recevoir-email"));
            checked(camille.find("#recevoir-sms"));
            camille.find("#enregistrer-contact").click();
            assertThat(camille.find("#confirmation").getText()).contains("Vos coordonnées sont enregistrées");
            accessible(camille, "51-portail-contact-enregistre");

            camille.driver.get(Api.gatewayUrl() + "/portail/messages");
            assertThat(camille.find("#messages").getText()).contains("par e-mail");
            accessible(camille, "52-portail-mes-messages");
        }
    }

    @Test
    void gillesPrintsTheGueretLettersAndMarksThemPosted() {
        // a letter not yet posted in today's Guéret batch: Mohamed's booking, confirmed then cancelled (two letters)
        JsonNode booking = Letters.mohamedBooksAtGueret();
        Api.as(GILLES).post("/api/appointments/bookings/" + booking.get("id").asText() + "/cancel", Map.of()).expect(200);
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris")).toString();
        await("today's Guéret letters, not all posted").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> unposted(today));
        try (Browser gilles = Browser.open("gilles", false)) {
            gilles.login(GILLES, "/guichet");
            gilles.driver.get(Api.gatewayUrl() + "/guichet/courriers");
            assertThat(gilles.find("#courriers").getText()).isNotBlank();
            assertThat(gilles.driver.findElements(By.id("ouvrir-" + today))).isNotEmpty();
            accessible(gilles, "53-guichet-courriers");
            gilles.find("#postes-" + today).click();
            assertThat(gilles.find("#confirmation").getText()).isNotBlank();
            accessible(gilles, "54-guichet-courriers-postes");
        }
        assertThat(unposted(today)).as("every letter of the day marked posted").isFalse();
    }

    private static boolean unposted(String day) {
        for (JsonNode batch : Api.as(GILLES).get("/api/desk/letters").expect(200)) {
            if (batch.get("day").asText().equals(day) && batch.get("posted").asInt() < batch.get("letters").asInt()) {
                return true;
            }
        }
        return false;
    }

    private static void checked(WebElement box) {
        if (!box.isSelected()) {
            box.click();
        }
    }

    private static void accessible(Browser browser, String page) {
        browser.screenshot(page);
        assertThat(Axe.seriousViolations(browser.driver)).as("axe-core on " + page).isEmpty();
    }
}
