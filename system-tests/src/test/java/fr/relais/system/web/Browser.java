package fr.relais.system.web;

import fr.relais.system.harness.Api;
import fr.relais.testsupport.DemoUser;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One person's headless Chromium: Debian's chromium and chromedriver, named explicitly so that Selenium Manager
 * never looks for (or downloads) a browser of its own.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("RELAIS_CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("RELAIS_CHROMIUM", "/usr/bin/chromium"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final WebDriver driver;
    final WebDriverWait wait;
    private final String who;

    private Browser(String who, boolean phone) {
        this.who = who;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--lang=fr-FR", phone ? "--window-size=390,844" : "--window-size=1280,1000");
        // headless Chromium ignores --lang for the Accept-Language it sends: a French user's browser asks for French
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "fr-FR,fr"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /** A browser for {@code who}, or the test is skipped, saying why, where Debian's browser is not installed. */
    static Browser open(String who, boolean phone) {
        assumeTrue(Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
                "browser tests need Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver): "
                        + CHROMEDRIVER + " or " + CHROMIUM + " is missing");
        // Selenium Manager stays out: with the driver and the browser both given, there is nothing for it to fetch
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        return new Browser(who, phone);
    }

    /** Opens the gateway's sign-in (the home page's "Se connecter") and signs in on the Keycloak page it redirects to. */
    void login(DemoUser user, String landingPath) {
        driver.get(Api.gatewayUrl() + "/connexion");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(user.username());
        driver.findElement(By.id("password")).sendKeys(DemoUser.PASSWORD);
        driver.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.urlContains(landingPath));
    }

    WebElement find(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    void type(String id, String text) {
        WebElement field = find("#" + id);
        field.clear();
        field.sendKeys(text);
    }

    /** Date inputs take their value in the locale's own format; setting the ISO value is what a date picker does. */
    void date(String id, String isoDate) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", find("#" + id), isoDate);
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("screenshot " + name + " of " + who, e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
