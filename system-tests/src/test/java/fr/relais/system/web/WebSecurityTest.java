package fr.relais.system.web;

import fr.relais.system.harness.Api;
import fr.relais.system.harness.RelaisSystem;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static fr.relais.testsupport.DemoUser.AGNES;
import static fr.relais.testsupport.DemoUser.CAMILLE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What protects the web pages: login before any page but the public home page, security headers, HttpOnly session
 * cookies, forms refused without their token, pages by role, and a logout that ends the session.
 */
@ExtendWith(RelaisSystem.class)
@Order(82)
class WebSecurityTest {

    @Test
    void aPageAsksForLoginWithPkceAndCarriesTheSecurityHeaders() throws IOException, InterruptedException {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Api.gatewayUrl() + "/portail")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(302);
        String login = page.headers().firstValue("Location").orElseThrow();
        assertThat(login).contains("client_id=relais-portal").contains("code_challenge_method=S256").doesNotContain("secret");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'self'").contains("script-src 'self'").contains("frame-ancestors 'none'");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().allValues("Set-Cookie")).allSatisfy(cookie -> assertThat(cookie).contains("HTTPOnly"));
    }

    @Test
    void formsNeedTheirTokenPagesFollowRolesAndLogoutEndsTheSession() {
        try (Browser camille = Browser.open("camille", false); Browser agnes = Browser.open("agnes", false)) {
            camille.login(CAMILLE, "/portail");
            List<Cookie> session = camille.driver.manage().getCookies().stream().filter(c -> c.getName().startsWith("q_session")).toList();
            assertThat(session).isNotEmpty().allSatisfy(cookie -> assertThat(cookie.isHttpOnly()).isTrue());
            assertThat(camille.driver.getPageSource()).doesNotContain("eyJ"); // no token in the page

            // the same form, posted without its token (as a forged cross-site form would be): refused
            Object refused = ((org.openqa.selenium.JavascriptExecutor) camille.driver).executeAsyncScript("""
                    var done = arguments[arguments.length - 1];
                    fetch('/portail/demarches', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
                      body: 'procedureId=changement-adresse&key=forged' }).then(r => done(r.status));
                    """);
            assertThat(refused).isEqualTo(403L);

            agnes.login(AGNES, "/guichet");
            agnes.driver.get(Api.gatewayUrl() + "/portail");
            assertThat(agnes.driver.findElements(By.cssSelector("button[data-procedure]"))).as("a citizen's page, for an agent").isEmpty();
            camille.driver.get(Api.gatewayUrl() + "/guichet");
            assertThat(camille.driver.findElements(By.id("code-reprise"))).as("the desk, for a citizen").isEmpty();

            camille.driver.get(Api.gatewayUrl() + "/portail");
            camille.find("form[action='/deconnexion'] button").click();
            // back at the public home page after logout, signed out: a page asks for the login again
            camille.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("se-connecter")));
            assertThat(camille.driver.findElements(By.cssSelector("form[action='/deconnexion']"))).as("signed out").isEmpty();
            camille.driver.get(Api.gatewayUrl() + "/portail");
            camille.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        }
    }
}
