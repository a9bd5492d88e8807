package fr.relais.system.ops;

import fr.relais.system.harness.RelaisSystem;
import org.junit.jupiter.api.extension.ExtendWith;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The operations proof, run after the system scenarios: every PromQL expression of the dashboards and the
 * alert rules is put to the real Prometheus that scraped the four services while the scenarios ran.
 * <ul>
 *   <li>every expression parses and evaluates (instant query: status success);</li>
 *   <li>every dashboard panel and variable query returns data since this run's services started (or over the
 *       last {@code relais.ops.window} when given; range query, step {@code relais.ops.step}, default 15s), so a misspelt metric, a wrong
 *       label or a metric the scenarios never produced shows up. Alert expressions only need to parse: a
 *       healthy run should not fire them.</li>
 * </ul>
 * Prometheus: http://127.0.0.1:$RELAIS_PROMETHEUS_PORT (system property or environment variable, default 19090).
 * Skipped only with {@code -Drelais.ops.skip=true}; an unreachable Prometheus is a failure.
 */
@ExtendWith(RelaisSystem.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrometheusQueriesTest {

    private static PrometheusApi prometheus;
    private static List<PromQlExpression> expressions;
    private static Duration window;
    private static Duration step;

    @BeforeAll
    static void prometheusIsThereAndHasScrapedTheLatestMetrics() {
        assumeFalse(Boolean.getBoolean("relais.ops.skip"), "relais.ops.skip=true: the operations proof is skipped");
        window = duration(System.getProperty("relais.ops.window", "30m"), "relais.ops.window");
        step = duration(System.getProperty("relais.ops.step", "15s"), "relais.ops.step");
        expressions = PromQlExpressions.all();
        prometheus = PrometheusApi.local();
        prometheus.requireReady();
        // the scenarios' last metrics are in once Prometheus has scraped the relais job after this class started
        Instant started = Instant.now();
        await().alias("Prometheus at " + prometheus.base() + " scrapes the job 'relais' (deploy/prometheus/prometheus.yml)")
                .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    PrometheusApi.Answer last = prometheus.query("max(timestamp(up{job=\"relais\"}))", Instant.now());
                    return last.success() && last.series() > 0
                            && last.data().path("result").path(0).path("value").path(1).asDouble() * 1000 >= started.toEpochMilli();
                });
    }

    @Test
    @Order(1)
    void everyExpressionParses() {
        Instant now = Instant.now();
        List<String> failures = new ArrayList<>();
        for (PromQlExpression e : expressions) {
            PrometheusApi.Answer answer = prometheus.query(e.expr(), now);
            if (!answer.success()) {
                failures.add(e.source() + "\n      " + e.expr() + "\n      -> " + answer.describeError());
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + expressions.size() + " expressions are refused by Prometheus at " + prometheus.base()
                    + ":\n - " + String.join("\n - ", failures));
        }
    }

    @Test
    @Order(2)
    void everyDashboardQueryReturnsDataOverTheScenarioWindow() {
        Instant end = Instant.now();
        // this run's services only: a developer's earlier runs must not lend their data to a dashboard
        Instant start = System.getProperty("relais.ops.window") == null ? RelaisSystem.services().startedAt() : end.minus(window);
        List<PromQlExpression> dashboardQueries = expressions.stream().filter(e -> e.kind().needsData()).toList();
        assertThat(dashboardQueries).isNotEmpty();
        List<String> failures = new ArrayList<>();
        for (PromQlExpression e : dashboardQueries) {
            PrometheusApi.Answer answer = prometheus.queryRange(e.expr(), start, end, step);
            if (!answer.success()) {
                failures.add(e.source() + "\n      " + e.expr() + "\n      -> " + answer.describeError());
            } else if (answer.series() == 0) {
                failures.add(e.source() + "\n      " + e.expr() + "\n      -> no data");
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + dashboardQueries.size() + " dashboard queries returned no data from " + start + " to " + end
                    + " (relais.ops.window=" + System.getProperty("relais.ops.window", "30m") + ", Prometheus " + prometheus.base()
                    + "); a metric is misspelt, carries other labels, or no scenario produced it:\n - " + String.join("\n - ", failures));
        }
    }

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*([smh])");

    /** 30m, 90s, 1h or an ISO-8601 duration (PT30M). */
    static Duration duration(String value, String property) {
        Matcher m = SHORT_DURATION.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
        }
        try {
            return Duration.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(property + "=" + value + " is not a duration such as 30m, 90s, 1h or PT30M", e);
        }
    }
}
