package fr.relais.messaging.inbox;

import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * A failure of the service's own infrastructure (its database unreachable, restarting or refusing connections), not
 * of the record: the record is not to blame and must not be parked; the effect is tried again until it is back.
 */
final class Unavailable {

    private Unavailable() {
    }

    static boolean test(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof IOException || cause instanceof ClosedConnectionException || cause instanceof TimeoutException) {
                return true; // refused, reset or closed connections; a connection not had from the pool in time
            }
            if (cause instanceof DatabaseException database && unavailableState(database.getSqlState())) {
                return true;
            }
            String message = cause.getMessage();
            // Vert.x reports a connection that dropped under a query without a type of its own
            if (message != null && (message.contains("Connection is not active") || message.contains("Connection was closed")
                    || message.contains("Pool closed"))) {
                return true;
            }
        }
        return false;
    }

    /** 08: connection exceptions; 57P01-57P03: the server shutting down, crashed or starting; 53300: too many clients. */
    private static boolean unavailableState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P0") || state.equals("53300"));
    }
}
