package fr.relais.journey.service;

import fr.relais.events.CloudEventAttributes;
import fr.relais.events.journey.CommandOutcome;
import fr.relais.events.journey.JourneyCommand;
import fr.relais.journey.domain.RejectionReasons;
import fr.relais.messaging.outbox.Outbox;
import fr.relais.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.Set;

/**
 * Commands journey-service issues itself after a synchronous check only it can make (a resume code proven by a
 * citizen, a call back's phone number stored): decided by the same {@link CommandHandler} as commands from Kafka
 * (same lock, rules, events, outbox and outcome), answered at once. A rejection becomes a problem.
 */
@ApplicationScoped
public class DirectCommands {

    private static final Set<String> BAD_INPUT = Set.of(RejectionReasons.UNKNOWN_WINDOW, RejectionReasons.UNKNOWN_REASON,
            RejectionReasons.UNKNOWN_OUTCOME, RejectionReasons.VERIFICATION_WINDOW_INVALID);

    @Inject
    CommandHandler handler;

    @Inject
    Outbox outbox;

    public Uni<CommandOutcome> run(JourneyCommand command) {
        CloudEventAttributes cause = CloudEventAttributes.forPayload(outbox.source(), command, null, null);
        return handler.handle(command, cause).map(outcome -> {
            if (outcome.status() == CommandOutcome.Status.ACCEPTED) {
                return outcome;
            }
            throw problem(outcome);
        });
    }

    private static ProblemException problem(CommandOutcome outcome) {
        String reason = outcome.reason();
        int status = RejectionReasons.UNKNOWN_JOURNEY.equals(reason) ? 404
                : RejectionReasons.NOT_ALLOWED.equals(reason) ? 403
                : BAD_INPUT.contains(reason) ? 400
                : 409;
        return new ProblemException(status, reason, "Command rejected", outcome.detail(),
                Map.of("reason", reason, "journeyStatus", outcome.journeyStatus() == null ? "none" : outcome.journeyStatus()));
    }
}
