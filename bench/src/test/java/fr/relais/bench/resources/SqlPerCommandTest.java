package fr.relais.bench.resources;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SqlPerCommandTest {

    private static StatementCounts.Key key(String db, long id) {
        return new StatementCounts.Key(db, id);
    }

    private static StatementCounts.Count count(String text, long calls, double ms) {
        return new StatementCounts.Count(text, calls, ms);
    }

    @Test
    void eachDatabasesStatementsInTheRunAreDividedByItsCommandsAndTheBenchsOwnAreLeftOut() {
        Map<StatementCounts.Key, StatementCounts.Count> before = Map.of(
                key("journey", 1), count("BEGIN", 100, 1.0),
                key("journey", 2), count("select * from journey where id = $1", 50, 5.0),
                key("bench", 9), count("select from pg_stat_statements", 3, 1.0));
        Map<StatementCounts.Key, StatementCounts.Count> after = Map.of(
                key("journey", 1), count("BEGIN", 300, 3.0),
                key("journey", 2), count("select * from journey where id = $1", 150, 25.0),
                key("journey", 3), count("select * from journey where id = $1", 50, 5.0), // same text, other parameter types
                key("mediation", 4), count("COMMIT", 400, 40.0), // first seen in the run: all of it is the run's
                key("bench", 9), count("select from pg_stat_statements", 4, 2.0));

        SqlPerCommand sql = SqlPerCommand.between("steady 100", 100, before, after);

        assertThat(sql.statementsPerCommand()).containsOnlyKeys("journey", "mediation");
        assertThat(sql.statementsPerCommand().get("journey")).isCloseTo(3.5, within(1e-9));
        assertThat(sql.statementsPerCommand().get("mediation")).isCloseTo(4.0, within(1e-9));
        assertThat(sql.execMsPerCommand().get("journey")).isCloseTo(0.27, within(1e-9));
        assertThat(sql.totalStatementsPerCommand()).isCloseTo(7.5, within(1e-9));
        assertThat(sql.top()).extracting(SqlPerCommand.Statement::text)
                .containsExactly("COMMIT", "BEGIN", "select * from journey where id = $1");
        assertThat(sql.top().get(2).perCommand()).isCloseTo(1.5, within(1e-9));
    }

    @Test
    void statementsThatDidNotRunInTheRunAreNotListed() {
        Map<StatementCounts.Key, StatementCounts.Count> counts = Map.of(key("journey", 1), count("BEGIN", 100, 1.0));

        SqlPerCommand sql = SqlPerCommand.between("idle", 10, counts, counts);

        assertThat(sql.top()).isEmpty();
        assertThat(sql.statementsPerCommand()).isEmpty();
    }
}
