package fr.relais.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import fr.relais.problem.Problem;
import fr.relais.problem.ProblemException;
import jakarta.ws.rs.WebApplicationException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A refusal a page words for the person: the gateway's own (ProblemException) or a downstream service's problem
 * (its status, its type's short code, and each field error it names). Only codes and the services' French field
 * messages come out of it, never a value typed.
 *
 * @param fieldErrors field name (as the service names it, e.g. {@code address.line}) to its message
 */
record Refusal(int status, String code, Map<String, String> fieldErrors) {

    /** The refusal carried by {@code failure}, or empty when it is no refusal (a service down: let it through). */
    static Optional<Refusal> of(Throwable failure) {
        if (failure instanceof ProblemException problem) {
            Map<String, String> fields = new LinkedHashMap<>();
            Object field = problem.extensions().get("field");
            if (field != null) {
                fields.put(field.toString(), problem.getMessage());
            }
            return Optional.of(new Refusal(problem.status(), problem.type(), fields));
        }
        if (!(failure instanceof WebApplicationException web) || web.getResponse() == null
                || web.getResponse().getStatus() >= 500) {
            return Optional.empty();
        }
        return Optional.of(read(web));
    }

    /**
     * Any downstream answer that is not a success, read as a refusal, a 5xx included: for the pages that word a
     * service's fault too ("the call back is no longer in the list") rather than let it through.
     */
    static Refusal read(WebApplicationException web) {
        int status = web.getResponse().getStatus();
        JsonNode body = null;
        try {
            if (web.getResponse().hasEntity()) {
                body = web.getResponse().readEntity(JsonNode.class);
            }
        } catch (RuntimeException unreadable) {
            // not a problem document: the status alone
        }
        String type = body == null ? "" : body.path("type").asText("");
        String code = type.startsWith(Problem.TYPE_BASE) ? type.substring(Problem.TYPE_BASE.length()) : "http-" + status;
        Map<String, String> fields = new LinkedHashMap<>();
        if (body != null) {
            body.path("errors").forEach(error -> fields.putIfAbsent(error.path("field").asText(), error.path("message").asText()));
            if (body.hasNonNull("field")) {
                fields.putIfAbsent(body.path("field").asText(), body.path("detail").asText(""));
            }
        }
        return new Refusal(status, code, fields);
    }

    /** Whether this refusal is the problem {@code code} (e.g. {@code person-not-found}). */
    boolean is(String code) {
        return code.equals(this.code);
    }

    /** Whether {@code failure} is a refusal a page should word (a 4xx), not a fault. */
    static boolean isRefusal(Throwable failure) {
        return of(failure).isPresent();
    }
}
