package fr.relais.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fr.relais.bench.baseline.KafkaBaseline;
import fr.relais.bench.baseline.KafkaFigures;
import fr.relais.bench.baseline.PostgresBaseline;
import fr.relais.bench.baseline.PostgresFigures;
import fr.relais.bench.http.BenchUsers;
import fr.relais.bench.http.Gateway;
import fr.relais.bench.load.BookingContention;
import fr.relais.bench.load.Cast;
import fr.relais.bench.load.JourneyScript;
import fr.relais.bench.load.MeteredLoad;
import fr.relais.bench.resources.StatementCounts;
import fr.relais.bench.load.OpenLoop;
import fr.relais.bench.load.Ramp;
import fr.relais.bench.load.StepResult;
import fr.relais.bench.load.TimeToHuman;
import fr.relais.bench.report.BenchReport;
import fr.relais.bench.report.Machine;
import fr.relais.bench.report.Tables;
import fr.relais.bench.resources.ProcessFigures;
import fr.relais.bench.resources.ProcessSampler;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * ./relais bench: the load generator against the running local stack (./relais up). Bounded: every phase has a
 * fixed duration and the whole run stops on its own. Prints the report and writes it as JSON under bench/target.
 */
public final class Bench {

    private static final int CITIZENS = 16;
    private static final int AGENTS = 4;
    private static final int CONNECTIONS = 256;

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        BenchConfig config = BenchConfig.fromEnvironment();
        Instant startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        ScheduledExecutorService tokenRefresh = Executors.newSingleThreadScheduledExecutor(daemon());
        try (BenchUsers users = new BenchUsers(config.keycloakUrl());
             Gateway gateway = new Gateway(vertx, config.gatewayPort(), CONNECTIONS)) {
            say("creating %d synthetic citizens, %d counter agents and a mediator in Keycloak", CITIZENS, AGENTS);
            users.removeLeftovers();
            Cast cast = new Cast(users, CITIZENS, AGENTS);
            cast.warmTokens();
            // tokens live 10 minutes: renew them well before, so no request of a long run carries an expired one
            tokenRefresh.scheduleAtFixedRate(users::refreshTokens, 4, 4, TimeUnit.MINUTES);

            ProcessSampler sampler = ProcessSampler.start(config.runDir(), Duration.ofMillis(500));
            MeteredLoad load = new MeteredLoad(new OpenLoop(new JourneyScript(gateway, cast), config.inFlightLimit()), sampler,
                    new StatementCounts(config.jdbcUrl("bench"), "bench", "bench"));
            String steadyRate = System.getProperty("bench.steady");
            if (steadyRate != null) {
                steady(load, Double.parseDouble(steadyRate), config.phase(), sampler);
                return;
            }

            say("warm-up: %d commands/s for %d s (not counted)", config.warmupRate(), config.warmup().toSeconds());
            StepResult warmup = load.run("warm-up", config.warmupRate(), config.warmup());
            progress(warmup);

            say("ramp: from %d commands/s, x%.2f per %d s step, until a step is not kept up", config.startRate(), config.rampFactor(),
                    config.step().toSeconds());
            Ramp.Outcome ramp = new Ramp(load::run, Bench::progress).find(config.startRate(), config.rampFactor(), config.maxRate(), config.step());
            double max = ramp.maxCommandsPerSecond();
            if (max <= 0) {
                max = config.startRate() / 2.0;
                say("no ramp step was kept up; the share-of-max runs use %.0f commands/s", max);
            }

            List<StepResult> shares = new ArrayList<>();
            for (int percent : new int[] {25, 50, 90}) {
                StepResult step = load.run(percent + " % of max", max * percent / 100, config.phase());
                progress(step);
                shares.add(step);
            }

            double background = max / 2;
            say("time to a human: 4 citizens ask for help in turn for %d s while journeys run at %.0f commands/s",
                    config.phase().toSeconds(), background);
            CompletableFuture<StepResult> underneath = CompletableFuture.supplyAsync(() -> load.run("background", background, config.phase()));
            TimeToHuman.Result timeToHuman = new TimeToHuman(vertx, gateway, cast).measure(4, config.phase());
            underneath.get(config.phase().toSeconds() + 60, TimeUnit.SECONDS);

            say("booking under contention: 400 citizens on the 10 earliest slot times");
            BookingContention.Result booking = new BookingContention(gateway, cast, config.jdbcUrl("appointment")).run(400, 10);
            List<ProcessFigures> resources = sampler.stop();

            // a real command record's key, value and headers; the baseline's records carry a 36-byte key besides their value
            int recordBytes = Math.max(64, KafkaBaseline.averageRecordBytes(config.kafkaBootstrap(), "journey.commands", 736) - 36);
            say("Kafka baseline: %d-byte records, %d s at full speed then %d s at %.0f/s", recordBytes,
                    config.baseline().toSeconds(), config.baseline().toSeconds(), background);
            KafkaFigures kafka = KafkaBaseline.run(config.kafkaBootstrap(), recordBytes, config.baseline(), (int) Math.max(1, background));
            say("PostgreSQL baseline: single-row transactions on 8 connections for %d s", config.baseline().toSeconds());
            PostgresFigures postgres = PostgresBaseline.run(config.jdbcUrl("bench"), "bench", "bench", 8, config.baseline());

            BenchReport report = new BenchReport(startedAt.toString(), Duration.between(startedAt, Instant.now()).toSeconds(),
                    Machine.describe(config.runDir(), postgres.serverVersion()), JourneyScript.PROCEDURE, JourneyScript.COMMANDS,
                    warmup, ramp.steps(), max, shares, timeToHuman, "with journeys at " + Math.round(background) + " commands/s",
                    booking, kafka, postgres, resources, load.costs(), load.sql(), BenchReport.Ratios.of(max, shares.get(1), kafka, postgres));
            Tables.print(report, System.out);
            Path json = write(report, config.relaisHome());
            System.out.println();
            System.out.println("JSON report: " + json);
        } finally {
            tokenRefresh.shutdownNow();
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        System.exit(0);
    }


    /** -Dbench.steady=RATE: one fixed-rate run and its resources, nothing else (to profile a service under load). */
    private static void steady(MeteredLoad load, double rate, Duration duration, ProcessSampler sampler) {
        say("steady: %.0f commands/s for %d s", rate, duration.toSeconds());
        StepResult step = load.run("steady " + Math.round(rate), rate, duration);
        progress(step);
        step.failures().forEach((reason, count) -> say("  failed %d x %s", count, reason));
        sampler.stop().forEach(p -> say("  %-20s peak RSS %4.0f MB, CPU %5.1f s (%.2f cores)", p.name(), p.peakRssMb(), p.cpuSeconds(),
                p.cpuCoresAverage()));
        Tables.printCpuPerCommand(load.costs(), System.err);
        Tables.printSqlPerCommand(load.sql(), System.err);
    }

    private static Path write(BenchReport report, Path home) throws Exception {
        Path dir = home.resolve("bench").resolve("target");
        Files.createDirectories(dir);
        Path json = dir.resolve("bench-report-" + report.startedAt().replace(":", "") + ".json");
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        mapper.writeValue(json.toFile(), report);
        Files.copy(json, dir.resolve("bench-report.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return json;
    }

    private static void progress(StepResult step) {
        say("%-14s %6.0f cmd/s target, %6.0f done, p99 %s ms, failed %d%s", step.label(), step.targetCommandsPerSecond(),
                step.commandsPerSecond(), step.latency().p99Ms(), step.failedJourneys(), step.sustained() ? "" : "  (not kept up)");
    }

    private static void say(String format, Object... args) {
        System.err.printf("[bench] " + format + "%n", args);
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return runnable -> {
            Thread thread = new Thread(runnable, "bench-token-refresh");
            thread.setDaemon(true);
            return thread;
        };
    }
}
