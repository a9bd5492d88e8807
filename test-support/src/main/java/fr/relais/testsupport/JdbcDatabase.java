package fr.relais.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain JDBC on a service's test database of the local stack, to look at what the service stored and to set up
 * restart-like conditions. The PostgreSQL driver is the service's own (quarkus-jdbc-postgresql).
 */
public final class JdbcDatabase {

    private final String database;
    private final String user;

    /** @param user the service's database user, whose password is the same on the local stack */
    public JdbcDatabase(String database, String user) {
        this.database = database;
        this.user = user;
    }

    public List<Map<String, Object>> query(String sql, Object... args) {
        try (Connection connection = connect(); PreparedStatement statement = prepared(connection, sql, args);
             ResultSet rs = statement.executeQuery()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                    row.put(rs.getMetaData().getColumnLabel(c), rs.getObject(c));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row, as a number (a count(*)). */
    public long count(String sql, Object... args) {
        return ((Number) query(sql, args).get(0).values().iterator().next()).longValue();
    }

    public int update(String sql, Object... args) {
        try (Connection connection = connect(); PreparedStatement statement = prepared(connection, sql, args)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + Stack.postgresPort() + "/" + database, user, user);
    }

    private static PreparedStatement prepared(Connection connection, String sql, Object... args) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, args[i]);
        }
        return statement;
    }
}
