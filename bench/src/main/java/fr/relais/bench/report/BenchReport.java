package fr.relais.bench.report;

import fr.relais.bench.baseline.KafkaFigures;
import fr.relais.bench.baseline.PostgresFigures;
import fr.relais.bench.load.BookingContention;
import fr.relais.bench.load.StepResult;
import fr.relais.bench.load.TimeToHuman;
import fr.relais.bench.resources.CpuPerCommand;
import fr.relais.bench.resources.SqlPerCommand;
import fr.relais.bench.resources.ProcessFigures;

import java.util.List;

/** Everything one run measured; printed as tables and written as JSON. */
public record BenchReport(String startedAt, double durationSeconds, Machine machine, String journey, int commandsPerJourney,
                          StepResult warmup, List<StepResult> ramp, double maxCommandsPerSecond, List<StepResult> atShareOfMax,
                          TimeToHuman.Result timeToHuman, String timeToHumanLoad, BookingContention.Result booking,
                          KafkaFigures kafka, PostgresFigures postgres, List<ProcessFigures> resources,
                          List<CpuPerCommand> cpuPerCommand, List<SqlPerCommand> sqlPerCommand, Ratios ratios) {

    /** Relais' figures as a share of the raw parts' on the same machine in the same run. */
    public record Ratios(double commandsPerKafkaRecord, double commandsPerPostgresTransaction, double p99AtHalfOverKafkaP99) {

        public static Ratios of(double maxCommands, StepResult half, KafkaFigures kafka, PostgresFigures postgres) {
            return new Ratios(kafka == null ? Double.NaN : maxCommands / kafka.maxRecordsPerSecond(),
                    postgres == null ? Double.NaN : maxCommands / postgres.transactionsPerSecond(),
                    kafka == null || half == null ? Double.NaN : half.latency().p99Ms() / kafka.atPaced().p99Ms());
        }
    }
}
