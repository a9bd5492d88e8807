package fr.relais.bench.load;

import fr.relais.bench.resources.CpuPerCommand;
import fr.relais.bench.resources.ProcessSampler;
import fr.relais.bench.resources.SqlPerCommand;
import fr.relais.bench.resources.StatementCounts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the open loop and notes what each run's commands cost every process in CPU (the bench's CPU table) and
 * PostgreSQL in statements (the SQL table).
 */
public final class MeteredLoad implements Ramp.StepRunner {

    private final OpenLoop load;
    private final ProcessSampler sampler;
    private final StatementCounts statements;
    private final List<CpuPerCommand> costs = new ArrayList<>();
    private final List<SqlPerCommand> sql = new ArrayList<>();

    public MeteredLoad(OpenLoop load, ProcessSampler sampler, StatementCounts statements) {
        this.load = load;
        this.sampler = sampler;
        this.statements = statements;
    }

    @Override
    public StepResult run(String label, double commandsPerSecond, Duration duration) {
        Map<String, Double> before = sampler.cpuSecondsSoFar();
        Map<StatementCounts.Key, StatementCounts.Count> statementsBefore = statements.snapshot();
        long commandsBefore = load.commandsDecided();
        long started = System.nanoTime();
        StepResult result = load.run(label, commandsPerSecond, duration);
        Map<String, Double> after = sampler.cpuSecondsSoFar();
        Map<StatementCounts.Key, StatementCounts.Count> statementsAfter = statements.snapshot();
        long commands = load.commandsDecided() - commandsBefore;
        synchronized (costs) {
            costs.add(CpuPerCommand.between(label, commands, (System.nanoTime() - started) / 1e9, before, after));
            if (!statementsAfter.isEmpty()) {
                sql.add(SqlPerCommand.between(label, commands, statementsBefore, statementsAfter));
            }
        }
        return result;
    }

    /** The runs' costs so far, in the order they ended. */
    public List<CpuPerCommand> costs() {
        synchronized (costs) {
            return List.copyOf(costs);
        }
    }

    /** The runs' SQL so far, in the order they ended; empty when PostgreSQL does not count statements. */
    public List<SqlPerCommand> sql() {
        synchronized (costs) {
            return List.copyOf(sql);
        }
    }
}
