package fr.relais.appointment.persistence;

import io.vertx.sqlclient.DatabaseException;
import org.hibernate.JDBCException;

import java.sql.SQLException;

/**
 * PostgreSQL's refusals, recognised by SQLSTATE wherever they sit in a failure's cause chain. Hibernate
 * Reactive turns the driver's PgException into a java.sql.SQLException (same SQLSTATE, no cause) inside a
 * JDBCException such as ConstraintViolationException; a native Vert.x client would surface the PgException
 * itself. All three are recognised.
 */
public final class SqlStates {

    /** An exclusion constraint refused the row: the counter is taken for that time. */
    public static final String EXCLUSION_VIOLATION = "23P01";
    public static final String UNIQUE_VIOLATION = "23505";

    private SqlStates() {
    }

    public static boolean isExclusionViolation(Throwable failure) {
        return EXCLUSION_VIOLATION.equals(of(failure));
    }

    public static boolean isUniqueViolation(Throwable failure) {
        return UNIQUE_VIOLATION.equals(of(failure));
    }

    /** The first SQLSTATE found walking the cause chain, or "" when there is none. */
    public static String of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String state = null;
            if (t instanceof DatabaseException db) {
                state = db.getSqlState();
            } else if (t instanceof JDBCException jdbc) {
                state = jdbc.getSQLState();
            } else if (t instanceof SQLException sql) {
                state = sql.getSQLState();
            }
            if (state != null) {
                return state;
            }
        }
        return "";
    }
}
