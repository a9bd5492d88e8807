package fr.relais.mediation;

import fr.relais.testsupport.JdbcDatabase;

import java.util.List;
import java.util.Map;

/** Plain JDBC on the test database, to look at what the service stored and to set up restart-like conditions. */
public final class Db {

    private static final JdbcDatabase DATABASE = new JdbcDatabase("mediation_test", "mediation");

    private Db() {
    }

    public static List<Map<String, Object>> query(String sql, Object... args) {
        return DATABASE.query(sql, args);
    }

    public static long count(String sql, Object... args) {
        return DATABASE.count(sql, args);
    }

    public static int update(String sql, Object... args) {
        return DATABASE.update(sql, args);
    }
}
