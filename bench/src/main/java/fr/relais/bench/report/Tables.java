package fr.relais.bench.report;

import fr.relais.bench.load.StepResult;
import fr.relais.bench.resources.CpuPerCommand;
import fr.relais.bench.resources.ProcessFigures;
import fr.relais.bench.resources.SqlPerCommand;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The report as plain-text tables on stdout. */
public final class Tables {

    private Tables() {
    }

    public static void print(BenchReport r, PrintStream out) {
        Machine m = r.machine();
        out.println();
        out.printf("Relais benchmark  %s  (%.0f s)%n", r.startedAt(), r.durationSeconds());
        out.printf("machine: %d cores, %d MB, %s; %s; Quarkus %s, Kafka %s, PostgreSQL %s, Keycloak %s; everything on 127.0.0.1%n",
                m.cores(), m.memoryMb(), m.os(), m.java(), m.quarkus(), m.kafka(), m.postgresql(), m.keycloak());
        out.printf("journey: %s, %d commands each (portal start + 2 steps, handoff to a desk, agent claim + step + release,"
                + " portal confirmation); open loop; latency = command sent -> outcome known%n%n", r.journey(), r.commandsPerJourney());

        out.println("Journey commands");
        out.println(String.format("%-14s %9s %9s %9s %8s %8s %8s %8s %7s %9s", "run", "target/s", "cmd/s", "journeys/s",
                "p50 ms", "p95 ms", "p99 ms", "max ms", "failed", "in flight"));
        row(out, r.warmup());
        r.ramp().forEach(step -> row(out, step));
        out.printf("sustained maximum: %.0f commands/s (kept up: >= 95 %% of target, < 0.5 %% failed, p99 < 1 s)%n", r.maxCommandsPerSecond());
        r.atShareOfMax().forEach(step -> row(out, step));
        r.ramp().stream().filter(s -> !s.failures().isEmpty()).forEach(s -> out.println("  " + s.label() + " failures: " + s.failures()));
        r.atShareOfMax().stream().filter(s -> !s.failures().isEmpty()).forEach(s -> out.println("  " + s.label() + " failures: " + s.failures()));

        out.println();
        out.printf("Time to a human (help request -> case in the mediator's queue), %s%n", r.timeToHumanLoad());
        Latency t = r.timeToHuman().latency();
        out.printf("  samples %d, missed %d: p50 %s ms, p99 %s ms, max %s ms%n", t.count(), r.timeToHuman().missed(),
                f(t.p50Ms()), f(t.p99Ms()), f(t.maxMs()));

        var b = r.booking();
        out.println();
        out.printf("Booking under contention: %d citizens on %d popular slot times (%d counter places)%n", b.contenders(), b.slots(), b.capacity());
        out.printf("  held %d, refused 409 %d, other %s, confirmed %d; %.0f hold attempts/s, %.0f bookings/s; hold p50 %s ms, p99 %s ms%n",
                b.held(), b.refused(), b.otherAnswers(), b.confirmed(), b.holdsAttemptedPerSecond(), b.bookingsPerSecond(),
                f(b.holdLatency().p50Ms()), f(b.holdLatency().p99Ms()));
        out.printf("  double bookings in the database: %d; slot times over capacity: %d%n", b.doubleBookings(), b.slotsOverCapacity());

        out.println();
        out.println("The machine's own limit (same run, same broker and database)");
        if (r.kafka() != null) {
            var k = r.kafka();
            out.printf("  Kafka produce -> consume, %d-byte records: %.0f records/s; at max p50 %s / p99 %s ms; at %d/s p50 %s / p99 %s ms%n",
                    k.recordBytes(), k.maxRecordsPerSecond(), f(k.atMax().p50Ms()), f(k.atMax().p99Ms()), k.pacedRecordsPerSecond(),
                    f(k.atPaced().p50Ms()), f(k.atPaced().p99Ms()));
        }
        if (r.postgres() != null) {
            var p = r.postgres();
            out.printf("  PostgreSQL single-row transactions, %d connections: %.0f tx/s; p50 %s / p99 %s ms%n", p.connections(),
                    p.transactionsPerSecond(), f(p.latency().p50Ms()), f(p.latency().p99Ms()));
        }
        var ratios = r.ratios();
        out.printf("  Relais max commands/s = %.3f x Kafka records/s, %.3f x PostgreSQL tx/s; Relais p99 at half rate = %.1f x Kafka p99%n",
                ratios.commandsPerKafkaRecord(), ratios.commandsPerPostgresTransaction(), ratios.p99AtHalfOverKafkaP99());

        out.println();
        out.println("Resources during the Relais runs (warm-up to booking)");
        out.println(String.format("  %-20s %6s %12s %12s %10s %10s", "part", "procs", "peak RSS MB", "last RSS MB", "CPU s", "cores avg"));
        for (ProcessFigures p : r.resources()) {
            out.println(String.format(Locale.ROOT, "  %-20s %6d %12.0f %12.0f %10.1f %10.2f", p.name(), p.pids(), p.peakRssMb(),
                    p.lastRssMb(), p.cpuSeconds(), p.cpuCoresAverage()));
        }
        printCpuPerCommand(r.cpuPerCommand(), out);
        printSqlPerCommand(r.sqlPerCommand(), out);
    }

    /**
     * Milliseconds of CPU per journey command, by process and run: where a regression lands. The stack's sum is the
     * services, Kafka and PostgreSQL; Keycloak, Prometheus and the load generator are apart.
     */
    public static void printCpuPerCommand(List<CpuPerCommand> costs, PrintStream out) {
        if (costs.isEmpty()) {
            return;
        }
        List<String> parts = costs.get(costs.size() - 1).msPerCommand().keySet().stream().toList();
        out.println();
        out.println("CPU per journey command (ms of CPU each process used in the run / commands decided in it)");
        StringBuilder header = new StringBuilder(String.format("  %-14s %8s", "run", "commands"));
        parts.forEach(part -> header.append(String.format(" %8s", SHORT.getOrDefault(part, part))));
        header.append(String.format(" %8s", "stack"));
        out.println(header);
        for (CpuPerCommand cost : costs) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-14s %8d", cost.run(), cost.commands()));
            parts.forEach(part -> line.append(String.format(Locale.ROOT, " %8s", f(cost.msPerCommand().getOrDefault(part, Double.NaN)))));
            line.append(String.format(Locale.ROOT, " %8s", f(cost.stackMsPerCommand())));
            out.println(line);
        }
        out.println("  stack = the services + Kafka + PostgreSQL; keycloak, prometheus and the load generator (bench) are apart");
    }

    /**
     * PostgreSQL statements per journey command, by database and run (BEGIN and COMMIT count), and the last run's most
     * frequent statements: where the database's share of the CPU table comes from.
     */
    public static void printSqlPerCommand(List<SqlPerCommand> runs, PrintStream out) {
        if (runs.isEmpty()) {
            out.println();
            out.println("SQL per journey command: not measured (PostgreSQL runs without pg_stat_statements; ./relais infra loads it)");
            return;
        }
        List<String> databases = runs.stream().flatMap(r -> r.statementsPerCommand().keySet().stream()).distinct().sorted().toList();
        out.println();
        out.println("SQL statements per journey command, by database (pg_stat_statements; BEGIN and COMMIT count)");
        StringBuilder header = new StringBuilder(String.format("  %-14s %8s", "run", "commands"));
        databases.forEach(db -> header.append(String.format(" %12s", db)));
        header.append(String.format(" %8s %10s", "all", "exec ms"));
        out.println(header);
        for (SqlPerCommand run : runs) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-14s %8d", run.run(), run.commands()));
            databases.forEach(db -> line.append(String.format(Locale.ROOT, " %12s", f(run.statementsPerCommand().getOrDefault(db, 0.0)))));
            double execMs = run.execMsPerCommand().values().stream().mapToDouble(Double::doubleValue).sum();
            line.append(String.format(Locale.ROOT, " %8s %10s", f(run.totalStatementsPerCommand()), f(execMs)));
            out.println(line);
        }
        SqlPerCommand last = runs.get(runs.size() - 1);
        out.println("  most frequent in run '" + last.run() + "' (per command, exec ms per command, database, statement)");
        for (SqlPerCommand.Statement s : last.top()) {
            out.println(String.format(Locale.ROOT, "  %6s %7s  %-12s %s", f(s.perCommand()), f(s.execMsPerCommand()), s.database(), s.text()));
        }
    }

    /** Column headings short enough for the table; other parts keep their name. */
    private static final Map<String, String> SHORT = Map.of("journey-service", "journey", "channel-gateway", "gateway",
            "appointment-service", "appoint.", "mediation-service", "mediat.", "notification-service", "notif.",
            "prometheus", "prometh.");

    private static void row(PrintStream out, StepResult s) {
        Latency l = s.latency();
        out.println(String.format(Locale.ROOT, "%-14s %9.0f %9.0f %9.1f %8s %8s %8s %8s %7d %9d%s", s.label(), s.targetCommandsPerSecond(),
                s.commandsPerSecond(), s.journeysPerSecond(), f(l.p50Ms()), f(l.p95Ms()), f(l.p99Ms()), f(l.maxMs()), s.failedJourneys(),
                s.maxInFlight(), s.sustained() ? "" : "  not kept up"));
    }

    private static String f(double ms) {
        return Double.isNaN(ms) ? "-" : String.format(Locale.ROOT, ms < 10 ? "%.2f" : "%.1f", ms);
    }
}
