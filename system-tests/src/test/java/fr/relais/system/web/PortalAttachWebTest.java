package fr.relais.system.web;

import com.fasterxml.jackson.databind.JsonNode;
import fr.relais.system.harness.Api;
import fr.relais.system.harness.Journeys;
import fr.relais.system.harness.RelaisSystem;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static fr.relais.testsupport.DemoUser.GILLES;
import static fr.relais.testsupport.DemoUser.MOHAMED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Rattacher une démarche" in a real browser: a journey Gilles started for Mohamed at the Guéret desk (a person
 * record of his, new to this database, and the identity step done at the counter) is attached by Mohamed on the
 * portal with his receipt's code and his birth date, after one wrong date that is refused in French; his portal
 * then lists it, with the whole timeline from the desk on. Every page passes axe-core.
 */
@ExtendWith(RelaisSystem.class)
@Order(82)
class PortalAttachWebTest {

    @Test
    void mohamedAttachesTheJourneyStartedForHimAtTheDeskAndSeesItsWholeTimeline() {
        String family = DeskNewJourneyWebTest.newFamilyName();
        UUID journey = UUID.fromString(Api.as(GILLES).post("/api/desk/journeys", Map.of("procedureId", "cni-renouvellement",
                        "person", Map.of("givenNames", "Mohamed", "familyName", family, "birthDate", DeskNewJourneyWebTest.BIRTH_DATE,
                                "phone", "05 55 12 34 56", "consents", Map.of("phone", true, "sms", false, "email", false, "letter", false))),
                UUID.randomUUID().toString()).expect(200).get("journeyId").asText());
        Journeys.submit(GILLES, "desk", journey, "identite", Map.of("nom", family, "prenoms", "Mohamed",
                "date-naissance", "1951-11-02", "commune-naissance", "Guéret"));
        JsonNode receipt = Api.as(GILLES).get("/api/desk/journeys/" + journey + "/receipt").expect(200);
        String code = receipt.get("resumeCode").asText();
        assertThat(receipt.get("familyName").asText()).isEqualTo(family);

        try (Browser mohamed = Browser.open("mohamed", true)) {
            mohamed.login(MOHAMED, "/portail");
            mohamed.find("#rattacher-demarche").click();
            mohamed.wait.until(ExpectedConditions.urlContains("/portail/rattacher"));
            assertThat(mohamed.find("h1").getText()).isEqualTo("Rattacher une démarche");
            accessible(mohamed, "30-portail-rattacher");

            // as printed on the receipt, in two groups, typed in lower case; the wrong birth date first
            String typed = (code.substring(0, 4) + " " + code.substring(4)).toLowerCase(Locale.ROOT);
            mohamed.type("code-reprise", typed);
            mohamed.type("date-naissance", "03/11/1951");
            mohamed.find("#rattacher").click();
            assertThat(mohamed.find("#refus").getText()).contains("Code de reprise ou date de naissance incorrects");
            accessible(mohamed, "31-portail-rattacher-refus");

            mohamed.type("code-reprise", typed);
            mohamed.type("date-naissance", DeskNewJourneyWebTest.BIRTH_DATE);
            mohamed.find("#rattacher").click();
            mohamed.wait.until(ExpectedConditions.urlContains("/portail/demarches/" + journey));
            assertThat(mohamed.find("#rattachement-confirme").getText()).contains("rattachée à votre compte");
            String timeline = mohamed.find("#historique").getText();
            assertThat(timeline).contains("Démarche commencée", "Étape complétée — Votre identité", "fs-gueret",
                    "Démarche rattachée au compte de l'usager").doesNotContain("journey-", "journey attached");
            accessible(mohamed, "32-portail-demarche-rattachee");

            mohamed.driver.get(Api.gatewayUrl() + "/portail");
            assertThat(mohamed.driver.findElements(By.cssSelector("a[href='/portail/demarches/" + journey + "']")))
                    .as("listed with his journeys").hasSize(1);
        }
    }

    private static void accessible(Browser browser, String page) {
        browser.screenshot(page);
        assertThat(Axe.seriousViolations(browser.driver)).as("axe-core on " + page).isEmpty();
    }
}
