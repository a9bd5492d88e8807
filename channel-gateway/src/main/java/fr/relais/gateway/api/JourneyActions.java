package fr.relais.gateway.api;

import fr.relais.events.channel.Channel;
import fr.relais.events.channel.TouchpointKind;
import fr.relais.events.journey.Actor;
import fr.relais.events.journey.AnswerSealer;
import fr.relais.events.journey.ClaimJourney;
import fr.relais.events.journey.CommandOutcome;
import fr.relais.events.journey.GoBack;
import fr.relais.events.journey.JourneyCommand;
import fr.relais.events.journey.ReleaseJourney;
import fr.relais.events.journey.SubmitStep;
import fr.relais.gateway.commands.CommandGateway;
import fr.relais.gateway.commands.CommandIds;
import fr.relais.gateway.commands.CommandResponses;
import fr.relais.gateway.commands.CommandResult;
import fr.relais.gateway.touchpoints.Touchpoints;
import fr.relais.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

/** The state-changing actions every channel shares, turned into commands and answered over HTTP. */
@ApplicationScoped
public class JourneyActions {

    @Inject
    CommandGateway gateway;

    @Inject
    AnswerSealer sealer;

    @Inject
    Touchpoints touchpoints;

    /** Sends a command built from (command id, now) and answers 200 / 4xx problem / 202. */
    public Uni<Response> send(Actor actor, String idempotencyKey, BiFunction<UUID, Instant, JourneyCommand> command) {
        return gateway.submit(command.apply(CommandIds.commandId(actor.subject(), idempotencyKey), Instant.now()))
                .map(CommandResponses::of);
    }

    public Uni<Response> submitStep(Actor actor, String key, UUID journeyId, String stepId, Requests.Answers body) {
        return submitStep(actor, key, journeyId, stepId, Requests.answersOf(body)).map(CommandResponses::of);
    }

    /** The step's answers sealed and submitted; the outcome as decided, for callers that render it themselves (web pages). */
    public Uni<CommandResult> submitStep(Actor actor, String key, UUID journeyId, String stepId, Map<String, String> answers) {
        UUID commandId = CommandIds.commandId(actor.subject(), key);
        // sealed for this journey, step and command: the answers cannot be replayed anywhere else
        SubmitStep submit = new SubmitStep(commandId, journeyId, actor, Instant.now(), stepId,
                sealer.seal(answers, new AnswerSealer.Binding(journeyId, stepId, commandId)));
        return gateway.submit(submit).invoke(result -> signalInvalidAnswers(actor, journeyId, stepId, result));
    }

    /** A command submitted as is; the outcome as decided (web pages render it, the API answers it with {@link #send}). */
    public Uni<CommandResult> decide(Actor actor, String idempotencyKey, BiFunction<UUID, Instant, JourneyCommand> command) {
        return gateway.submit(command.apply(CommandIds.commandId(actor.subject(), idempotencyKey), Instant.now()));
    }

    /**
     * Back to an earlier step. The WENT_BACK touchpoint follows journey-service's decision: only a step it accepted
     * (so a step of the journey, by someone allowed to act) counts as friction; a refused or undecided request
     * raises none.
     */
    public Uni<Response> goBack(Actor actor, String key, UUID journeyId, Requests.GoBack body) {
        if (body == null || !Requests.isStepId(body.toStepId())) {
            throw ProblemException.invalidField("toStepId", "toStepId is required: the id of a step of the journey");
        }
        String step = body.toStepId();
        return decide(actor, key, (id, now) -> new GoBack(id, journeyId, actor, now, step))
                .invoke(result -> {
                    if (accepted(result)) {
                        touchpoints.emitFor(result.commandId(), journeyId, TouchpointKind.WENT_BACK, step, actor.channel(),
                                actor.site(), 1);
                    }
                })
                .map(CommandResponses::of);
    }

    private static boolean accepted(CommandResult result) {
        return !result.pending() && result.outcome().status() == CommandOutcome.Status.ACCEPTED;
    }

    public Uni<Response> claim(Actor actor, String key, UUID journeyId) {
        return send(actor, key, (id, now) -> new ClaimJourney(id, journeyId, actor, now));
    }

    public Uni<Response> release(Actor actor, String key, UUID journeyId) {
        return send(actor, key, (id, now) -> new ReleaseJourney(id, journeyId, actor, now));
    }

    private void signalInvalidAnswers(Actor actor, UUID journeyId, String stepId, CommandResult result) {
        if (!result.pending() && CommandOutcome.REASON_FIELD_INVALID.equals(result.outcome().reason())) {
            // journey-service checked the fields of this step, so the step is one of the journey's
            touchpoints.emitFor(result.commandId(), journeyId, TouchpointKind.VALIDATION_ERROR, stepId, actor.channel(), actor.site(),
                    result.outcome().fieldErrors().size());
        }
    }

    static Channel channelOf(String name) {
        try {
            Channel channel = Channel.valueOf(name == null ? "" : name.toUpperCase(java.util.Locale.ROOT));
            if (channel == Channel.SYSTEM) {
                throw new IllegalArgumentException();
            }
            return channel;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("channel must be one of portal, phone, desk");
        }
    }
}
