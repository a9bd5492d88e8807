package fr.relais.appointment.persistence;

import io.vertx.pgclient.PgException;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

/** The exclusion constraint's refusal is recognised however it is wrapped. */
class SqlStatesTest {

    @Test
    void hibernateReactivesConstraintViolationIsRecognisedThroughWrappers() {
        // what Hibernate Reactive makes of the driver's PgException: a fresh SQLException inside a JDBCException
        SQLException sql = new SQLException("conflicting key value violates exclusion constraint", "23P01", 0);
        Throwable failure = new CompletionException(new ConstraintViolationException("could not execute statement", sql,
                "booking_no_overlap"));
        assertThat(SqlStates.isExclusionViolation(failure)).isTrue();
        assertThat(SqlStates.isUniqueViolation(failure)).isFalse();
    }

    @Test
    void theDriversOwnExceptionIsRecognisedAnywhereInTheChain() {
        Throwable failure = new IllegalStateException("wrapped",
                new PgException("duplicate key value violates unique constraint", "ERROR", "23505", null));
        assertThat(SqlStates.isUniqueViolation(failure)).isTrue();
        assertThat(SqlStates.of(new IllegalStateException("no database here"))).isEmpty();
    }
}
