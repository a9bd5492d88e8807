package fr.relais.messaging.retention;

import java.time.Period;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Personal data a service keeps about a journey or a citizen (a pseudonymous account id, a free-text note), and how
 * long: once {@code timeColumn} is older than the retention at the service's clock, {@link PersonalDataSweep} applies
 * {@code assignments} (e.g. {@code owner_subject = null}) to the row, which stays as an anonymous fact for the
 * statistics. A service contributes its own as CDI beans (producer methods), the period read from its configuration.
 *
 * @param table       an SQL identifier
 * @param timeColumn  an SQL identifier: when the row's personal data stopped being needed (a slot's end, a message sent)
 * @param pending     the SQL condition of a row not yet swept (e.g. {@code owner_subject is not null}): fixed by the
 *                    service's code, never from outside
 * @param assignments the SQL SET list that removes the personal data, fixed by the service's code
 * @param retention   how long after {@code timeColumn} the personal data stays
 */
public record PersonalDataTarget(String table, String timeColumn, String pending, String assignments, Period retention) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    public PersonalDataTarget {
        if (!IDENTIFIER.matcher(Objects.requireNonNull(table)).matches()
                || !IDENTIFIER.matcher(Objects.requireNonNull(timeColumn)).matches()) {
            throw new IllegalArgumentException("not an SQL identifier: " + table + "." + timeColumn);
        }
        Objects.requireNonNull(pending, "pending");
        Objects.requireNonNull(assignments, "assignments");
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention of " + table + " must be positive: " + retention);
        }
    }

    /** One batch: $1 is the cutoff (now at the service's clock, minus the retention). */
    String sweepBatch(int batch) {
        return "update " + table + " set " + assignments + " where ctid = any(array(select ctid from " + table
                + " where " + timeColumn + " < $1 and (" + pending + ") limit " + batch + " for update skip locked))";
    }
}
