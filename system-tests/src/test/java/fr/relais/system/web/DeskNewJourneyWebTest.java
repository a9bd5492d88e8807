package fr.relais.system.web;

import fr.relais.system.harness.RelaisSystem;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.stream.Collectors;

import static fr.relais.testsupport.DemoUser.GILLES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Nouvelle démarche pour un usager" in a real browser: Gilles, at the Guéret desk, searches for a citizen without an
 * account (a family name new to this database, which survives runs), finds nobody, records him (refused until he says
 * he checked an identity document), starts an identity card renewal for him and gets the receipt: its page shows
 * the resume code in two groups of four, its PDF (opened with the browser's session) carries the same code. Every
 * page passes axe-core with no serious or critical violation.
 */
@ExtendWith(RelaisSystem.class)
@Order(81)
class DeskNewJourneyWebTest {

    static final String BIRTH_DATE = "02/11/1951";

    /** "Benali-" and random letters: a person this database has never seen, so the search finds nobody. */
    static String newFamilyName() {
        SecureRandom random = new SecureRandom();
        StringBuilder name = new StringBuilder("Benali-");
        for (int i = 0; i < 10; i++) {
            name.append((char) ('a' + random.nextInt(26)));
        }
        return name.toString();
    }

    @Test
    void gillesRecordsACitizenWithoutAnAccountStartsHisJourneyAndPrintsTheReceipt() throws Exception {
        String family = newFamilyName();
        try (Browser gilles = Browser.open("gilles", false)) {
            gilles.login(GILLES, "/guichet");
            gilles.find("#nouvelle-demarche").click();
            gilles.wait.until(ExpectedConditions.urlContains("/guichet/nouvelle-demarche"));
            assertThat(gilles.find("h1").getText()).isEqualTo("Nouvelle démarche pour un usager");
            accessible(gilles, "20-guichet-nouvelle-demarche");

            gilles.type("usager-familyName", family);
            gilles.type("usager-givenNames", "Mohamed");
            gilles.type("usager-birthDate", BIRTH_DATE);
            gilles.find("#rechercher-usager").click();
            assertThat(gilles.find("#aucune-fiche").getText()).contains("Aucune fiche ne correspond");
            assertThat(gilles.find("#usager-familyName").getAttribute("value")).as("the creation form keeps the search").isEqualTo(family);
            assertThat(gilles.find("#usager-langue").getText()).contains("français", "arabe").doesNotContain("fr\n");
            assertThat(gilles.find("label[for='besoin-lecture-difficile']").getText()).isEqualTo("difficultés de lecture");
            accessible(gilles, "21-guichet-aucune-fiche");

            // without the identity check, nothing is recorded: the box says why, next to it
            gilles.type("usager-phone", "05 55 12 34 56");
            gilles.find("#accord-phone").click();
            gilles.find("#enregistrer-usager").click();
            assertThat(gilles.find("#erreur-usager-verification").getText()).contains("pièce d'identité");
            assertThat(gilles.find("#usager-verification").getAttribute("aria-describedby")).isEqualTo("erreur-usager-verification");
            assertThat(gilles.find("#usager-phone").getAttribute("value")).as("what was typed is kept").isEqualTo("05 55 12 34 56");
            accessible(gilles, "22-guichet-fiche-a-corriger");

            gilles.find("#usager-verification").click();
            gilles.find("#enregistrer-usager").click();
            assertThat(gilles.find("#titre-usager").getText()).isEqualTo("Mohamed " + family);
            assertThat(gilles.find("#identite-usager").getText()).isEqualTo("identité vérifiée");
            assertThat(gilles.find("#naissance-usager").getText()).isEqualTo(BIRTH_DATE);
            assertThat(gilles.find("#demarches-usager").getText()).isEqualTo("Aucune démarche en cours.");
            new Select(gilles.find("#demarche")).selectByValue("cni-renouvellement");
            assertThat(new Select(gilles.find("#demarche")).getFirstSelectedOption().getText())
                    .isEqualTo("Renouvellement de carte nationale d'identité");
            accessible(gilles, "23-guichet-fiche-usager");

            gilles.find("#commencer-demarche").click();
            gilles.wait.until(ExpectedConditions.urlMatches("/guichet/demarches/[0-9a-f-]{36}/recu$"));
            String code = gilles.find("#code-reprise").getText().strip();
            assertThat(code).matches("[A-Z0-9]{4} [A-Z0-9]{4}");
            assertThat(gilles.find("#usager").getText()).isEqualTo("Mohamed " + family);
            assertThat(gilles.find("#demarche").getText()).isEqualTo("Renouvellement de carte nationale d'identité");
            assertThat(gilles.find("#debut").getText()).contains("au guichet France Services Guéret");
            accessible(gilles, "24-guichet-recu");

            String pdfUrl = gilles.find("#telecharger-pdf").getAttribute("href");
            HttpResponse<byte[]> pdf = withSession(gilles, pdfUrl);
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
            assertThat(pdf.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
            try (PDDocument document = Loader.loadPDF(pdf.body())) {
                assertThat(new PDFTextStripper().getText(document)).contains(code, "Mohamed " + family,
                        "Renouvellement de carte nationale d'identité");
            }

            gilles.find("#continuer-demarche").click();
            gilles.wait.until(ExpectedConditions.urlMatches("/guichet/demarches/[0-9a-f-]{36}$"));
            assertThat(gilles.find("#titre-etape").getText()).as("he holds the journey at once").contains("Votre identité");
            assertThat(gilles.driver.findElements(By.id("imprimer-recu"))).hasSize(1);
            assertThat(gilles.driver.findElements(By.id("demander-rappel"))).hasSize(1);
            accessible(gilles, "25-guichet-demarche-pour-l-usager");
        }
    }

    /** The PDF as the browser would download it: the same request, with the session's cookies. */
    static HttpResponse<byte[]> withSession(Browser browser, String url) throws Exception {
        String cookies = browser.driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Cookie", cookies).header("Accept", "application/pdf").GET().build();
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void accessible(Browser browser, String page) {
        browser.screenshot(page);
        assertThat(Axe.seriousViolations(browser.driver)).as("axe-core on " + page).isEmpty();
    }
}
