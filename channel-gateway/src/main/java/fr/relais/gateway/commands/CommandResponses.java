package fr.relais.gateway.commands;

import fr.relais.events.journey.CommandOutcome;
import fr.relais.problem.Problem;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** How a command's fate is answered over HTTP: 200 with the new state, a 4xx problem naming the reason, or 202. */
public final class CommandResponses {

    private static final Set<String> NOT_FOUND = Set.of("unknown-journey", "unknown-procedure", "unknown-step", "unknown-mandate",
            "unknown-person");
    private static final Set<String> FORBIDDEN = Set.of("not-allowed", "channel-not-allowed", "presence-required",
            "verification-required", "mandate-required", "not-claimed");
    private static final Set<String> UNPROCESSABLE = Set.of("field-invalid", "answers-unreadable", "site-required",
            "mandate-scope-invalid", "verification-window-invalid", "person-required");

    private CommandResponses() {
    }

    /** The body of a decided, accepted command. */
    public record Accepted(UUID commandId, UUID journeyId, String journeyStatus, long version, List<UUID> eventIds) {
    }

    /** The body of a command still pending: where to ask again. */
    public record Pending(UUID commandId, UUID journeyId, String status, String poll) {
    }

    public static Response of(CommandResult result) {
        if (result.pending()) {
            String poll = "/api/commands/" + result.commandId();
            return Response.accepted(new Pending(result.commandId(), result.journeyId(), "PENDING", poll))
                    .location(URI.create(poll)).header("Retry-After", "1").build();
        }
        CommandOutcome outcome = result.outcome();
        if (outcome.status() == CommandOutcome.Status.ACCEPTED) {
            return Response.ok(new Accepted(outcome.commandId(), outcome.journeyId(), outcome.journeyStatus(), outcome.version(),
                    outcome.eventIds())).build();
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("reason", outcome.reason());
        extensions.put("commandId", outcome.commandId());
        extensions.put("journeyId", outcome.journeyId());
        if (outcome.journeyStatus() != null) {
            extensions.put("journeyStatus", outcome.journeyStatus());
        }
        if (!outcome.fieldErrors().isEmpty()) {
            extensions.put("fieldErrors", outcome.fieldErrors());
        }
        return Problem.response(statusFor(outcome.reason()), outcome.reason(), "Command rejected: " + outcome.reason(),
                outcome.detail(), "/api/commands/" + outcome.commandId(), extensions);
    }

    static int statusFor(String reason) {
        if (NOT_FOUND.contains(reason)) {
            return 404;
        }
        if (FORBIDDEN.contains(reason)) {
            return 403;
        }
        if (UNPROCESSABLE.contains(reason)) {
            return 422;
        }
        return 409; // the journey's state does not allow it now: closed, wrong status or step, already claimed…
    }
}
