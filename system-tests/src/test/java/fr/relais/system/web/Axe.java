package fr.relais.system.web;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * axe-core (Deque's accessibility engine, WCAG 2.1 A/AA rules) run inside the page. The engine comes from its
 * npm package, fetched once with npm into target/ (no webjar of it is published on Maven Central).
 */
final class Axe {

    static final String VERSION = "4.14.1";
    private static final Path HOME = Path.of("target", "axe-core");
    private static String source;

    private Axe() {
    }

    /** The serious and critical violations on the current page, one line each (rule, impact, first targets). */
    static List<String> seriousViolations(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(engine());
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })
                  .then(r => done(r.violations.map(v => ({ id: v.id, impact: v.impact,
                        targets: v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ') }))))
                  .catch(e => done([{ id: 'axe-error', impact: 'critical', targets: String(e) }]));
                """);
        List<String> serious = new ArrayList<>();
        for (Object violation : (List<?>) result) {
            Map<?, ?> v = (Map<?, ?>) violation;
            if ("serious".equals(v.get("impact")) || "critical".equals(v.get("impact"))) {
                serious.add(v.get("id") + " (" + v.get("impact") + "): " + v.get("targets"));
            }
        }
        return serious;
    }

    private static synchronized String engine() {
        if (source == null) {
            Path script = HOME.resolve("package").resolve("axe.min.js");
            try {
                if (!Files.exists(script)) {
                    fetch();
                }
                source = Files.readString(script, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read axe-core from " + script, e);
            }
        }
        return source;
    }

    /** npm pack (the registry's tarball, integrity-checked by npm), then tar: no other tool downloads anything. */
    private static void fetch() throws IOException {
        Files.createDirectories(HOME);
        run(List.of("npm", "pack", "--silent", "axe-core@" + VERSION), HOME);
        run(List.of("tar", "-xzf", "axe-core-" + VERSION + ".tgz", "package/axe.min.js"), HOME);
    }

    private static void run(List<String> command, Path dir) throws IOException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("fetch.log").toFile()).start();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException(command + " failed (needs npm and the npm registry); see " + dir.resolve("fetch.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + command, e);
        }
    }
}
