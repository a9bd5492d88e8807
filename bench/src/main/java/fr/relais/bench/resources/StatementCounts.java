package fr.relais.bench.resources;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads PostgreSQL's per-statement counters (pg_stat_statements, loaded by the devstack) so a run's SQL can be divided
 * by its commands. Statement texts are normalised by PostgreSQL (constants become $1, $2...): they carry no data.
 * When the extension is not there, {@link #snapshot()} is empty and the bench says so instead of a table.
 */
public final class StatementCounts {

    /** One normalised statement of one database, and how often it ran so far. */
    public record Key(String database, long queryId) {
    }

    public record Count(String text, long calls, double execMs) {
    }

    private static final String QUERY = "select d.datname, s.queryid, s.calls, s.total_exec_time, left(regexp_replace(s.query, '\\s+', ' ', 'g'), 160)"
            + " from pg_stat_statements s join pg_database d on d.oid = s.dbid where s.queryid is not null";

    private final String jdbcUrl;
    private final String user;
    private final String password;

    public StatementCounts(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /** Every statement's counters now; empty when pg_stat_statements cannot be read. */
    public Map<Key, Count> snapshot() {
        Map<Key, Count> counts = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
             Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery(QUERY)) {
            while (rs.next()) {
                counts.merge(new Key(rs.getString(1), rs.getLong(2)), new Count(rs.getString(5), rs.getLong(3), rs.getDouble(4)),
                        (a, b) -> new Count(a.text(), a.calls() + b.calls(), a.execMs() + b.execMs()));
            }
        } catch (SQLException e) {
            return Map.of();
        }
        return counts;
    }
}
