package fr.relais.gateway.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import fr.relais.events.ContractJson;
import fr.relais.events.journey.CommandOutcome;
import fr.relais.gateway.downstream.JourneyServiceClient;
import fr.relais.gateway.store.PendingCommands;
import fr.relais.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.Optional;
import java.util.UUID;

/**
 * Where a 202 points, answered the same by every instance: "pending" at once when this instance sent the caller's command
 * and has not read its outcome yet (under a rush, polls then cost journey-service nothing: asking it for every poll of
 * every waiting command took the capacity the commands needed); else journey-service's outcome once it has decided the
 * command (asked with the caller's token: it answers only the command's issuer), else "pending" while the gateway's
 * database says this caller was answered 202 for it in the last 15 minutes, else unknown.
 */
@ApplicationScoped
public class CommandPolls {

    @Inject
    @RestClient
    JourneyServiceClient journeys;

    @Inject
    PendingCommands pending;

    @Inject
    CommandBacklog backlog;

    public Uni<CommandResult> poll(UUID commandId, String subject) {
        Optional<UUID> undecided = backlog.undecidedJourney(commandId, subject);
        if (undecided.isPresent()) {
            return Uni.createFrom().item(new CommandResult(commandId, undecided.get(), null));
        }
        return journeys.commandOutcome(commandId)
                .map(json -> decided(commandId, json))
                .onFailure(CommandPolls::notFound).recoverWithUni(() -> pending.pending(commandId, subject)
                        .map(found -> found.orElseThrow(() -> new ProblemException(404, "unknown-command", "Unknown command",
                                "no recent command " + commandId + " of yours"))));
    }

    private static CommandResult decided(UUID commandId, String json) {
        try {
            CommandOutcome outcome = ContractJson.mapper().readValue(json, CommandOutcome.class);
            return new CommandResult(commandId, outcome.journeyId(), outcome);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("journey-service answered an unreadable command outcome", e);
        }
    }

    private static boolean notFound(Throwable failure) {
        return failure instanceof WebApplicationException e && e.getResponse().getStatus() == 404;
    }
}
