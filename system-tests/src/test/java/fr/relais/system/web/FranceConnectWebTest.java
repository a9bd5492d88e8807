package fr.relais.system.web;

import com.fasterxml.jackson.databind.JsonNode;
import fr.relais.system.harness.Api;
import fr.relais.system.harness.RelaisSystem;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import static fr.relais.testsupport.DemoUser.GILLES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lucie has no Relais account. Gilles records her at the Guéret desk and starts her housing aid; at home she signs in
 * with "FranceConnect" (the franceconnect-sim realm, brokered by the relais realm exactly as FranceConnect would be):
 * her certified identity finds the record Gilles made, the portal lists the journey started for her, and once she
 * types the resume code of her receipt it is hers; her data export names her and it. Every page passes axe-core.
 */
@ExtendWith(RelaisSystem.class)
@Order(88)
class FranceConnectWebTest {

    private static final String BIRTH_DATE = "14/07/1962";

    @Test
    void lucieSignsInWithFranceConnectAndFindsTheJourneyStartedForHerAtTheDesk() throws SQLException {
        setAsideEarlierLucies();
        UUID journey = UUID.fromString(Api.as(GILLES).post("/api/desk/journeys", Map.of("procedureId", "aide-logement",
                        "person", Map.of("givenNames", "Lucie Marie", "familyName", "Bernard", "birthDate", BIRTH_DATE)),
                UUID.randomUUID().toString()).expect(200).get("journeyId").asText());
        JsonNode receipt = Api.as(GILLES).get("/api/desk/journeys/" + journey + "/receipt").expect(200);
        String code = receipt.get("resumeCode").asText();

        try (Browser lucie = Browser.open("lucie", true)) {
            lucie.driver.get(Api.gatewayUrl() + "/connexion");
            lucie.find("#social-franceconnect").click();
            // franceconnect-sim's own login page, then back through the broker to the portal
            lucie.wait.until(ExpectedConditions.urlContains("/realms/franceconnect-sim/"));
            lucie.find("#username").sendKeys("lucie");
            lucie.driver.findElement(By.id("password")).sendKeys("relais-demo");
            lucie.driver.findElement(By.id("kc-login")).click();
            lucie.wait.until(ExpectedConditions.urlContains("/portail"));

            String waiting = lucie.find("#demarches-en-attente").getText();
            assertThat(waiting).contains("Démarches commencées pour vous", "Demande d'aide au logement");
            assertThat(lucie.driver.findElements(By.cssSelector("a[href='/portail/demarches/" + journey + "']")))
                    .as("not hers before the resume code").isEmpty();
            accessible(lucie, "90-portail-franceconnect-en-attente");

            lucie.find("#retrouver-demarche").click();
            lucie.wait.until(ExpectedConditions.urlContains("/portail/rattacher"));
            lucie.type("code-reprise", code);
            lucie.type("date-naissance", BIRTH_DATE);
            lucie.find("#rattacher").click();
            lucie.wait.until(ExpectedConditions.urlContains("/portail/demarches/" + journey));
            assertThat(lucie.find("#rattachement-confirme").getText()).contains("rattachée à votre compte");

            lucie.driver.get(Api.gatewayUrl() + "/portail");
            assertThat(lucie.driver.findElements(By.cssSelector("a[href='/portail/demarches/" + journey + "']"))).hasSize(1);
            assertThat(lucie.driver.findElements(By.id("demarches-en-attente"))).as("nothing waits any more").isEmpty();
            accessible(lucie, "91-portail-franceconnect-rattachee");

            // "Télécharger mes données", from her session: the JSON file names her and the journey, the PDF is served
            Object json = lucie.script("return fetch('/portail/mes-donnees.json').then(r => r.text())");
            assertThat(String.valueOf(json)).contains("\"familyName\":\"Bernard\"", "\"birthDate\":\"1962-07-14\"",
                    "\"identity\":\"certified\"", journey.toString());
            Object pdf = lucie.script("return fetch('/portail/mes-donnees.pdf').then(r => r.status + ' ' + r.headers.get('content-type'))");
            assertThat(String.valueOf(pdf)).isEqualTo("200 application/pdf");
        }
    }

    /**
     * The system databases outlive a local run, Keycloak's brokered users do not (a new Lucie account each devstack
     * start): an earlier run's record is renamed aside, so this run's desk record is the one her identity finds.
     */
    private static void setAsideEarlierLucies() throws SQLException {
        String port = System.getenv().getOrDefault("RELAIS_PG_PORT", "15432");
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/journey_system", "journey", "journey");
             PreparedStatement rename = db.prepareStatement("update person set name_key = name_key || ' ' || id, account_subject = null "
                     + "where family_name = 'Bernard' and given_names = 'Lucie Marie' and birth_date = date '1962-07-14' "
                     + "and name_key !~ '[0-9a-f]{8}-[0-9a-f]{4}'")) {
            rename.executeUpdate();
        }
    }

    private static void accessible(Browser browser, String page) {
        browser.screenshot(page);
        assertThat(Axe.seriousViolations(browser.driver)).as("axe-core on " + page).isEmpty();
    }
}
