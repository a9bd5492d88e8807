package fr.relais.bench.resources;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one journey command cost PostgreSQL during a run, by database: statements executed (BEGIN and COMMIT count)
 * and their execution time, divided by the commands decided; and the statements that ran most often per command.
 * The bench's own queries (its database, and the counters' reads) are left out.
 *
 * @param statementsPerCommand by database, alphabetical
 * @param execMsPerCommand     by database: time PostgreSQL spent executing them (not the round trips)
 * @param top                  the most frequent statements, most frequent first
 */
public record SqlPerCommand(String run, long commands, Map<String, Double> statementsPerCommand, Map<String, Double> execMsPerCommand,
                            List<Statement> top) {

    public static final int TOP = 30;
    private static final String BENCH_DATABASE = "bench";

    public record Statement(String database, String text, double perCommand, double execMsPerCommand) {
    }

    public static SqlPerCommand between(String run, long commands, Map<StatementCounts.Key, StatementCounts.Count> before,
                                        Map<StatementCounts.Key, StatementCounts.Count> after) {
        Map<String, Double> statements = new TreeMap<>();
        Map<String, Double> execMs = new TreeMap<>();
        Map<String, Statement> byText = new LinkedHashMap<>();
        double per = commands == 0 ? Double.NaN : 1.0 / commands;
        for (Map.Entry<StatementCounts.Key, StatementCounts.Count> entry : after.entrySet()) {
            String database = entry.getKey().database();
            if (BENCH_DATABASE.equals(database)) {
                continue;
            }
            StatementCounts.Count was = before.get(entry.getKey());
            long calls = entry.getValue().calls() - (was == null ? 0 : was.calls());
            double ms = entry.getValue().execMs() - (was == null ? 0 : was.execMs());
            if (calls <= 0) {
                continue;
            }
            statements.merge(database, calls * per, Double::sum);
            execMs.merge(database, ms * per, Double::sum);
            // the same text can have several query ids (different parameter types): one line for it
            byText.merge(database + "\u0000" + entry.getValue().text(),
                    new Statement(database, entry.getValue().text(), calls * per, ms * per),
                    (a, b) -> new Statement(a.database(), a.text(), a.perCommand() + b.perCommand(), a.execMsPerCommand() + b.execMsPerCommand()));
        }
        List<Statement> top = byText.values().stream().sorted(Comparator.comparingDouble(Statement::perCommand).reversed())
                .limit(TOP).toList();
        return new SqlPerCommand(run, commands, statements, execMs, top);
    }

    public double totalStatementsPerCommand() {
        return statementsPerCommand.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
