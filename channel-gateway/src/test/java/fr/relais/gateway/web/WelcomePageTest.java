package fr.relais.gateway.web;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

/**
 * The public home page: French, open without any login, with the help a person gets without an account; and its
 * "Se connecter", which sends a browser without a session to the realm's login page (Keycloak, the running infra).
 */
@QuarkusTest
class WelcomePageTest {

    private static final Path THEME = Path.of("..", "deploy", "keycloak", "themes", "relais", "login", "theme.properties");

    @Test
    void theHomePageIsPublicAndInFrenchWithTheHelpBlockAndTheSignInLink() {
        var response = given().redirects().follow(false).accept("text/html").when().get("/")
                .then().statusCode(200).contentType(startsWith("text/html")).extract();
        String page = response.asString();

        assertThat(page).contains("<html lang=\"fr\">").contains("<main id=\"contenu\"");
        assertThat(Pattern.compile("<h1[ >]").matcher(page).results().count()).as("one h1").isEqualTo(1);
        assertThat(page).contains("Besoin d'aide ?").contains("sans compte")
                .contains("France Services Aubervilliers").contains("France Services Saint-Denis")
                .contains("France Services Guéret").contains("France Services Aubusson")
                .contains("de 9 h à 12 h 30 et de 13 h 30 à 17 h").contains("sauf le mercredi après-midi")
                .contains("09 70 00 00 00").contains("href=\"tel:0970000000\"").contains("(appel non surtaxé)");
        assertThat(page).contains("<a id=\"se-connecter\" class=\"bouton\" href=\"/connexion\">Se connecter</a>");
        // what citizens live through each procedure, public; and the way in for the procedures' owners
        assertThat(page).contains("<a id=\"voir-transparence\" href=\"/transparence\">", "<a id=\"connexion-responsable\" href=\"/connexion\">");
        // nobody is signed in: no logout form, no token of any kind
        assertThat(page).doesNotContain("/deconnexion").doesNotContain("name=\"csrf\"");
        // the pages' security headers apply to it too
        assertThat(response.header("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.cookies()).as("no session is started for a visitor").isEmpty();
    }

    @Test
    void signingInWithoutASessionGoesToTheRealmsLoginPage() {
        String realm = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        var response = given().redirects().follow(false).accept("text/html").when().get("/connexion")
                .then().extract();
        assertThat(response.statusCode()).isIn(302, 303);
        assertThat(response.header("Location")).startsWith(realm + "/protocol/openid-connect/auth?")
                .contains("client_id=relais-portal").contains("code_challenge_method=S256");
    }

    /** The login theme repeats the help: the same phone line, the same France Services desks. */
    @Test
    void theLoginThemeGivesTheSameHelp() throws IOException {
        Properties theme = new Properties();
        try (Reader reader = Files.newBufferedReader(THEME, StandardCharsets.ISO_8859_1)) {
            theme.load(reader);
        }
        String phone = ConfigProvider.getConfig().getValue("relais.help.phone-line", String.class);
        assertThat(theme.getProperty("relaisHelpPhone")).isEqualTo(phone);

        String page = given().accept("text/html").when().get("/").then().statusCode(200).extract().asString();
        String[] desks = theme.getProperty("relaisHelpDesks").split("\\|");
        assertThat(desks).hasSize(4);
        for (String desk : desks) {
            assertThat(page).contains(desk.replaceFirst(" \\(\\d+\\)$", ""));
        }
    }
}
