package fr.relais.messaging.retention;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A plumbing table whose rows {@link RetentionPurge} deletes once they are older than their retention. A service
 * contributes its own as a CDI bean (a producer method), with its retention read from its configuration.
 *
 * @param table      the table (an SQL identifier: the statement is built from it)
 * @param timeColumn the row's age: rows whose value is older than now - retention go
 * @param condition  an extra SQL condition a row must meet to go (e.g. {@code published_at is not null}), or null
 * @param retention  how long a row stays
 */
public record PurgeTarget(String table, String timeColumn, String condition, Duration retention) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    public PurgeTarget {
        if (!IDENTIFIER.matcher(Objects.requireNonNull(table)).matches()
                || !IDENTIFIER.matcher(Objects.requireNonNull(timeColumn)).matches()) {
            throw new IllegalArgumentException("not an SQL identifier: " + table + "." + timeColumn);
        }
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention of " + table + " must be positive: " + retention);
        }
    }

    /** One batch: at most {@code batch} rows, found by the index on the time column; $1 is the retention in seconds. */
    String deleteBatch(int batch) {
        return "delete from " + table + " where ctid = any(array(select ctid from " + table
                + " where " + timeColumn + " < now() - make_interval(secs => $1)"
                + (condition == null ? "" : " and (" + condition + ")")
                + " limit " + batch + "))";
    }
}
