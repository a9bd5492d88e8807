package fr.relais.gateway.store;

import fr.relais.problem.ProblemException;
import io.quarkus.logging.Log;

/**
 * The gateway's database not answering: the operation that needs it (a shared limit, an Idempotency-Key, a pending
 * command) is refused with a 503 the caller may retry, never a 500. Readiness says the same to the balancer.
 */
public final class Unavailable {

    private Unavailable() {
    }

    /** For {@code onFailure().transform(...)}: a problem already meant for the caller passes unchanged. */
    public static Throwable problem(Throwable failure) {
        if (failure instanceof ProblemException) {
            return failure;
        }
        // the class only: a driver message may quote a statement, never useful to the caller
        Log.warnf("gateway database unavailable: %s", failure.getClass().getName());
        return new ProblemException(503, "service-unavailable", "Service unavailable",
                "the gateway's database did not answer; try again in a moment");
    }
}
