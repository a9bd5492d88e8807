package fr.relais.system.web;

import com.fasterxml.jackson.databind.JsonNode;
import fr.relais.system.harness.Api;
import fr.relais.system.harness.Journeys;
import fr.relais.system.harness.RelaisSystem;
import fr.relais.system.harness.SealedValues;
import fr.relais.testsupport.Stack;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.UUID;

import static fr.relais.testsupport.DemoUser.GILLES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lucie has no Relais account. Gilles records her at the Guéret desk and starts her housing aid; at home she signs in
 * with "FranceConnect" (the franceconnect-sim realm, brokered by the relais realm exactly as FranceConnect would be):
 * her certified identity finds the record Gilles made, the portal lists the journey started for her, and once she
 * types the resume code of her receipt it is hers; her data export names her and it. She asks for her given names to
 * be corrected and Gilles applies it at the desk on her identity card. Then she erases her data: the
 * desk no longer finds her, and her answers stay in the database only as ciphertext whose key is destroyed. Every
 * page passes axe-core.
 */
@ExtendWith(RelaisSystem.class)
@Order(88)
class FranceConnectWebTest {

    private static final String BIRTH_DATE = "14/07/1962";

    @Test
    void lucieSignsInWithFranceConnectFindsTheJourneyStartedForHerAtTheDeskAndErasesHerData() throws Exception {
        setAsideEarlierLucies();
        UUID journey = UUID.fromString(Api.as(GILLES).post("/api/desk/journeys", Map.of("procedureId", "aide-logement",
                        "person", Map.of("givenNames", "Lucie Marie", "familyName", "Bernard", "birthDate", BIRTH_DATE)),
                UUID.randomUUID().toString()).expect(200).get("journeyId").asText());
        JsonNode receipt = Api.as(GILLES).get("/api/desk/journeys/" + journey + "/receipt").expect(200);
        String code = receipt.get("resumeCode").asText();
        // Gilles fills in her situation with her at the desk: answers journey-service seals with the journey's key
        Api.as(GILLES).post("/api/desk/check-in", Map.of("resumeCode", code, "checkValue", BIRTH_DATE)).expect(200);
        Api.as(GILLES).post("/api/desk/journeys/" + journey + "/claim", Map.of()).expect(200);
        Journeys.submit(GILLES, "desk", journey, "situation", Map.of("nom", "Bernard", "prenoms", "Lucie Marie",
                "date-naissance", "1962-07-14", "situation-familiale", "veuf", "personnes-a-charge", "0", "activite", "retraite"));
        Api.as(GILLES).post("/api/desk/journeys/" + journey + "/release", Map.of()).expect(200);
        Sealed before = sealedAnswer(journey);
        assertThat(before.value()).startsWith("s1:").doesNotContain("Bernard");
        assertThat(SealedValues.open(before.value(), before.key(), "answer:" + journey + ":situation:nom")).isEqualTo("Bernard");

        try (Browser lucie = Browser.open("lucie", true)) {
            lucie.driver.get(Api.gatewayUrl() + "/connexion");
            lucie.find("#social-franceconnect").click();
            // franceconnect-sim's own login page, then back through the broker to the portal
            lucie.wait.until(ExpectedConditions.urlContains("/realms/franceconnect-sim/"));
            assertThat(lucie.driver.getCurrentUrl()).as("the level asked of the provider").contains("acr_values=eidas1");
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

            // "Corriger mes données": her given names take a hyphen; Gilles applies it at the desk on her identity card
            lucie.driver.get(Api.gatewayUrl() + "/portail");
            lucie.find("#corriger-mes-donnees").click();
            lucie.wait.until(ExpectedConditions.urlContains("/portail/corriger"));
            new Select(lucie.find("#champ")).selectByValue("given-names");
            lucie.type("valeur", "Lucie-Marie");
            lucie.find("#demander-correction").click();
            assertThat(lucie.find("#confirmation").getText()).contains("demande de correction est enregistrée");
            assertThat(lucie.find("#demandes").getText()).contains("Prénoms", "Lucie-Marie", "En attente");
            accessible(lucie, "92-portail-corriger");
            try (Browser gilles = Browser.open("gilles", false)) {
                gilles.login(GILLES, "/guichet");
                gilles.find("#demandes-correction").click();
                gilles.wait.until(ExpectedConditions.urlContains("/guichet/corrections"));
                assertThat(gilles.find("#demandes").getText()).as("the list names no one").doesNotContain("Bernard");
                accessible(gilles, "93-guichet-corrections");
                gilles.find("#demandes tbody tr:last-child a").click(); // the newest: oldest first
                assertThat(gilles.find("#valeur-demandee").getText()).isEqualTo("Lucie-Marie");
                assertThat(gilles.find("#fiche").getText()).contains("Bernard", "Lucie Marie");
                accessible(gilles, "94-guichet-correction");
                gilles.find("#appliquer").click();
                assertThat(gilles.find("#confirmation").getText()).as("not without the identity card").contains("Rien n'est corrigé");
                gilles.find("#piece-vue").click();
                gilles.find("#appliquer").click();
                assertThat(gilles.find("#confirmation").getText()).contains("correction est appliquée");
            }
            lucie.driver.get(Api.gatewayUrl() + "/portail/corriger");
            assertThat(lucie.find("#demandes").getText()).contains("Corrigé");
            Object corrected = lucie.script("return fetch('/portail/mes-donnees.json').then(r => r.text())");
            assertThat(String.valueOf(corrected)).contains("\"givenNames\":\"Lucie-Marie\"");

            // "Mes accords": none yet, the e-mail one needs an address first; she gives the survey one, then withdraws it
            lucie.driver.get(Api.gatewayUrl() + "/portail");
            lucie.find("#mes-accords").click();
            lucie.wait.until(ExpectedConditions.urlContains("/portail/accords"));
            assertThat(lucie.find("#accord-messages-email").getText()).contains("Non.", "une adresse e-mail");
            assertThat(lucie.driver.findElements(By.id("donner-messages-email"))).isEmpty();
            lucie.find("#donner-surveys").click();
            assertThat(lucie.find("#confirmation").getText()).contains("accord est enregistré");
            assertThat(lucie.find("#accord-surveys").getText()).contains("Oui. Donné le", "sur le portail");
            accessible(lucie, "97-portail-accords");
            lucie.find("#retirer-surveys").click();
            assertThat(lucie.find("#confirmation").getText()).contains("accord est retiré");
            assertThat(lucie.find("#historique").getText()).contains("demande mon avis", "Retiré le");
            Object withConsents = lucie.script("return fetch('/portail/mes-donnees.json').then(r => r.text())");
            assertThat(String.valueOf(withConsents)).contains("\"purpose\":\"surveys\"", "\"withdrawnVia\":\"portal\"");

            // "Effacer mes données": not without ticking the box; then what went, and what stays with why
            lucie.driver.get(Api.gatewayUrl() + "/portail");
            lucie.find("#effacer-mes-donnees").click();
            lucie.wait.until(ExpectedConditions.urlContains("/portail/effacer"));
            accessible(lucie, "95-portail-effacer");
            lucie.find("#effacer").click();
            assertThat(lucie.find("#refus").getText()).contains("Cochez la case");
            lucie.find("#confirme").click();
            lucie.find("#effacer").click();
            assertThat(lucie.find("#confirmation").getText()).contains("Vos données sont effacées");
            assertThat(lucie.find("#efface").getText()).contains("Demande d'aide au logement", "Votre fiche");
            assertThat(lucie.find("#conserve").getText()).contains("journal des consultations");
            accessible(lucie, "96-portail-efface");

            Object after = lucie.script("return fetch('/portail/mes-donnees.json').then(r => r.text())");
            assertThat(String.valueOf(after)).doesNotContain("Bernard").doesNotContain("1962-07-14").doesNotContain(journey.toString());

            // signing out of Relais signs her out at the provider too: FranceConnect asks for her password again
            lucie.find("form[action='/deconnexion'] button").click();
            lucie.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("se-connecter")));
            lucie.driver.get(Stack.keycloakUrl() + "/realms/franceconnect-sim/protocol/openid-connect/auth?client_id=relais-broker"
                    + "&response_type=code&scope=openid&redirect_uri=" + URLEncoder.encode(
                    Stack.realmUrl() + "/broker/franceconnect/endpoint", StandardCharsets.UTF_8));
            lucie.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
            assertThat(lucie.driver.getCurrentUrl()).contains("/realms/franceconnect-sim/");
        }
        // the desk can no longer find her
        Api.as(GILLES).post("/api/desk/persons/search", Map.of("givenNames", "Lucie Marie", "familyName", "Bernard",
                "birthDate", BIRTH_DATE)).expect(404);
        // her answers are still in the database, as ciphertext whose key is gone: the copy taken before (a backup) too
        Sealed erased = sealedAnswer(journey);
        assertThat(erased.value()).isEqualTo(before.value());
        assertThat(erased.key()).as("the journey's data key is destroyed").isNull();
    }

    private record Sealed(String value, String key) {
    }

    private static Sealed sealedAnswer(UUID journey) throws SQLException {
        try (Connection db = journeyDatabase(); PreparedStatement q = db.prepareStatement("select a.value, j.data_key from journey_answer a "
                + "join journey j on j.id = a.journey_id where a.journey_id = ? and a.step_id = 'situation' and a.field = 'nom'")) {
            q.setObject(1, journey);
            try (ResultSet r = q.executeQuery()) {
                assertThat(r.next()).as("her answer is stored").isTrue();
                return new Sealed(r.getString(1), r.getString(2));
            }
        }
    }

    private static Connection journeyDatabase() throws SQLException {
        String port = System.getenv().getOrDefault("RELAIS_PG_PORT", "15432");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/journey_system", "journey", "journey");
    }

    /**
     * The system databases outlive a local run, Keycloak's brokered users do not (a new Lucie account each devstack
     * start): an earlier run's record is renamed aside, so this run's desk record is the one her identity finds.
     */
    private static void setAsideEarlierLucies() throws SQLException, GeneralSecurityException {
        try (Connection db = journeyDatabase(); PreparedStatement rename = db.prepareStatement(
                "update person set identity_index = identity_index || ' ' || id, account_subject = null where identity_index = ?")) {
            rename.setString(1, SealedValues.identityIndex("Bernard", "Lucie Marie", "1962-07-14"));
            rename.executeUpdate();
        }
    }

    private static void accessible(Browser browser, String page) {
        browser.screenshot(page);
        assertThat(Axe.seriousViolations(browser.driver)).as("axe-core on " + page).isEmpty();
    }
}
