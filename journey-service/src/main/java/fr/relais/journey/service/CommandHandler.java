package fr.relais.journey.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import fr.relais.events.CloudEventAttributes;
import fr.relais.events.ContractJson;
import fr.relais.events.Topics;
import fr.relais.events.journey.AnswerSealer;
import fr.relais.events.journey.AnswersUnreadableException;
import fr.relais.events.journey.CommandOutcome;
import fr.relais.events.journey.JourneyCommand;
import fr.relais.events.journey.JourneyEvent;
import fr.relais.events.journey.StartJourney;
import fr.relais.events.journey.SubmitStep;
import fr.relais.journey.domain.Decision;
import fr.relais.journey.domain.JourneyDecider;
import fr.relais.journey.domain.JourneyState;
import fr.relais.messaging.outbox.Outbox;
import fr.relais.messaging.outbox.OutboxRelay;
import fr.relais.journey.domain.RejectionReasons;
import fr.relais.journey.persistence.JourneyEntity;
import fr.relais.journey.persistence.PersonEntity;
import fr.relais.journey.persistence.ProcessedCommandEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Decides one command and records everything it changes in one transaction: the events, the current
 * state, the answers, the access log, the outbox records (events and the outcome) and the processed
 * command id. A command seen before is answered with its recorded outcome and changes nothing.
 */
@ApplicationScoped
public class CommandHandler {

    public static final String REASON_ANSWERS_UNREADABLE = "answers-unreadable";
    /** A StartJourney naming a person id that journey-service does not know (the decider cannot look it up). */
    public static final String UNKNOWN_PERSON = "unknown-person";

    @Inject
    JourneyDecider decider;

    @Inject
    AnswerSealer sealer;

    @Inject
    JourneyRecorder recorder;

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    JourneyMetrics metrics;

    @Inject
    Clock clock;

    public Uni<CommandOutcome> handle(JourneyCommand command, CloudEventAttributes cause) {
        return Panache.withTransaction(() -> ProcessedCommandEntity.<ProcessedCommandEntity>findById(command.commandId())
                        .flatMap(done -> done != null ? answerAgain(done, cause) : decide(command, cause)))
                .invoke(result -> {
                    relay.publishSoon();
                    if (!result.replayed()) {
                        metrics.recordDecision(command, result.outcome(), result.before(), result.events());
                    }
                })
                .map(Result::outcome);
    }

    private record Result(CommandOutcome outcome, boolean replayed, JourneyState before, List<JourneyEvent> events) {
    }

    private Uni<Result> answerAgain(ProcessedCommandEntity done, CloudEventAttributes cause) {
        CommandOutcome outcome = readOutcome(done.outcome);
        return publishOutcome(outcome, cause).replaceWith(new Result(outcome, true, null, List.of()));
    }

    private Uni<Result> decide(JourneyCommand command, CloudEventAttributes cause) {
        Instant now = clock.instant();
        return JourneyEntity.<JourneyEntity>findById(command.journeyId(), LockModeType.PESSIMISTIC_WRITE).flatMap(entity -> {
            JourneyState before = entity == null ? null : recorder.stateOf(entity);
            if (entity != null && entity.erasedAt != null) {
                // her erasure closed it for good: nothing personal is written for it again
                return finish(command, cause, before, List.of(), rejected(command, before, RejectionReasons.JOURNEY_CLOSED,
                        "the citizen erased this journey's data", List.of(), now));
            }
            Map<String, String> answers;
            try {
                answers = command instanceof SubmitStep submit ? sealer.open(submit.answers(), AnswerSealer.Binding.of(submit)) : Map.of();
            } catch (AnswersUnreadableException e) {
                return finish(command, cause, before, List.of(), rejected(command, before, REASON_ANSWERS_UNREADABLE,
                        "the sealed answers could not be opened", List.of(), now));
            }
            if (command instanceof StartJourney start && start.personId() != null && before == null) {
                // the decider cannot look the person up: an id that names no one is refused here
                return PersonEntity.<PersonEntity>findById(start.personId()).flatMap(person -> person == null || person.erasedAt != null
                        ? finish(command, cause, null, List.of(), rejected(command, null, UNKNOWN_PERSON,
                        "no person " + start.personId(), List.of(), now))
                        : decided(entity, before, command, answers, cause, now));
            }
            return decided(entity, before, command, answers, cause, now);
        });
    }

    private Uni<Result> decided(JourneyEntity entity, JourneyState before, JourneyCommand command, Map<String, String> answers,
                            CloudEventAttributes cause, Instant now) {
        Decision decision = decider.decide(command, before, answers, now);
        if (decision instanceof Decision.Rejected rejection) {
            return finish(command, cause, before, List.of(), rejected(command, before, rejection.reason(),
                    rejection.detail(), rejection.fieldErrors(), now));
        }
        List<JourneyEvent> events = ((Decision.Accepted) decision).events();
        if (events.isEmpty()) {
            // accepted and already true (e.g. the same agent claiming again): nothing to record
            return finish(command, cause, before, events, CommandOutcome.accepted(command, List.of(),
                    before.version(), before.status(), now));
        }
        return recorder.record(entity, before, command, answers, events, cause, now)
                .flatMap(recorded -> finish(command, cause, before, events, CommandOutcome.accepted(command,
                        recorded.eventIds(), recorded.state().version(), recorded.state().status(), now)));
    }

    /**
     * A detail may quote what the client sent (a step id from the path): its control characters are replaced, since
     * PostgreSQL's jsonb (the stored outcome) refuses U+0000 and a refusal must be stored like any other outcome.
     */
    private static CommandOutcome rejected(JourneyCommand command, JourneyState state, String reason, String detail,
                                           List<CommandOutcome.FieldError> fieldErrors, Instant now) {
        detail = detail == null ? null : detail.replaceAll("\\p{Cntrl}", "\uFFFD");
        return CommandOutcome.rejected(command, reason, detail, fieldErrors, state == null ? 0 : state.version(),
                state == null ? null : state.status(), now);
    }

    private Uni<Result> finish(JourneyCommand command, CloudEventAttributes cause, JourneyState before,
                               List<JourneyEvent> events, CommandOutcome outcome) {
        ProcessedCommandEntity processed = new ProcessedCommandEntity();
        processed.commandId = command.commandId();
        processed.journeyId = command.journeyId();
        processed.outcome = writeOutcome(outcome);
        processed.processedAt = outcome.decidedAt();
        processed.issuedBy = command.actor() == null ? null : command.actor().subject();
        return processed.<ProcessedCommandEntity>persist()
                .flatMap(ignored -> publishOutcome(outcome, cause))
                .replaceWith(new Result(outcome, false, before, events));
    }

    private Uni<Void> publishOutcome(CommandOutcome outcome, CloudEventAttributes cause) {
        return outbox.add(Topics.JOURNEY_OUTCOMES, outcome, CloudEventAttributes.causedBy(outbox.source(), outcome, cause))
                .replaceWithVoid();
    }

    private static String writeOutcome(CommandOutcome outcome) {
        try {
            return ContractJson.mapper().writeValueAsString(outcome);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an outcome could not be written as JSON", e);
        }
    }

    private static CommandOutcome readOutcome(String json) {
        try {
            return ContractJson.mapper().readValue(json, CommandOutcome.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored outcome is unreadable", e);
        }
    }
}
