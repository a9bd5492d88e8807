package fr.relais.journey.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import fr.relais.events.CloudEventAttributes;
import fr.relais.events.ContractJson;
import fr.relais.events.Contracts;
import fr.relais.events.Topics;
import fr.relais.events.journey.JourneyCommand;
import fr.relais.events.journey.JourneyEvent;
import fr.relais.events.journey.SubmitStep;
import fr.relais.journey.domain.JourneyState;
import fr.relais.messaging.outbox.Outbox;
import fr.relais.journey.persistence.AnswerEntity;
import fr.relais.journey.persistence.CheckValueEntity;
import fr.relais.journey.persistence.PersonEntity;
import fr.relais.events.journey.JourneyStarted;
import fr.relais.journey.persistence.JourneyEntity;
import fr.relais.journey.persistence.JourneyEventEntity;
import fr.relais.journey.procedure.FieldDefinition;
import fr.relais.journey.procedure.ProcedureCatalog;
import fr.relais.journey.procedure.StepDefinition;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Writes an accepted decision: events, current state, answers, check value, access log and outbox rows. */
@ApplicationScoped
public class JourneyRecorder {

    private static final int RESUME_CODE_ATTEMPTS = 5;

    @Inject
    ProcedureCatalog catalog;

    @Inject
    Outbox outbox;

    public record Recorded(JourneyState state, List<UUID> eventIds) {
    }

    public JourneyState stateOf(JourneyEntity entity) {
        try {
            return ContractJson.mapper().readValue(entity.state, JourneyState.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored state of journey " + entity.id + " is unreadable", e);
        }
    }

    public Uni<Recorded> record(JourneyEntity existing, JourneyState before, JourneyCommand command, Map<String, String> answers,
                                List<JourneyEvent> events, CloudEventAttributes cause, Instant now) {
        JourneyState after = before;
        for (JourneyEvent event : events) {
            after = JourneyState.evolve(after, event);
        }
        JourneyState state = after;
        Uni<JourneyEntity> entity = existing != null ? Uni.createFrom().item(existing)
                : newJourney(state, (JourneyStarted) events.get(0), now);
        return entity.flatMap(journey -> {
            update(journey, state, now);
            return journey.<JourneyEntity>persist();
        }).call(journey -> existing == null && journey.personId != null
                ? birthDateAsCheckValue(journey) : Uni.createFrom().voidItem())
                .flatMap(journey -> appendEvents(command, events, cause, state.citizenSubject())
                        .flatMap(ids -> storeAnswers(journey, command, state, answers, now)
                                .flatMap(ignored -> logStaffAccess(before == null ? state : before, state.citizenSubject(), command, now))
                                .replaceWith(new Recorded(state, ids))));
    }

    private Uni<JourneyEntity> newJourney(JourneyState state, JourneyStarted started, Instant now) {
        JourneyEntity journey = new JourneyEntity();
        journey.id = state.journeyId();
        journey.procedureId = state.procedureId();
        journey.procedureVersion = state.procedureVersion();
        journey.citizenSubject = state.citizenSubject();
        journey.startedAt = now;
        return freeResumeCode(RESUME_CODE_ATTEMPTS).map(code -> {
            journey.resumeCode = code;
            return journey;
        }).flatMap(j -> owningPerson(started, state).map(person -> {
            j.personId = person == null ? null : person.id;
            return j;
        }));
    }

    /** The person an agent named, or the person the citizen's account is linked to (null if none yet). */
    private Uni<PersonEntity> owningPerson(JourneyStarted started, JourneyState state) {
        if (started.personId() != null) {
            return PersonEntity.findById(started.personId());
        }
        return state.citizenSubject() == null ? Uni.createFrom().nullItem()
                : PersonEntity.<PersonEntity>find("accountSubject", state.citizenSubject()).firstResult();
    }

    /** A journey started for a person has her recorded birth date as its check value from the start. */
    private static Uni<Void> birthDateAsCheckValue(JourneyEntity journey) {
        return PersonEntity.<PersonEntity>findById(journey.personId).flatMap(person -> {
            CheckValueEntity check = new CheckValueEntity();
            check.journeyId = journey.id;
            check.checkValue = journey.seal(person.birthDate.toString(), CheckValueEntity.binding(journey.id));
            return Panache.getSession().flatMap(session -> session.merge(check)).replaceWithVoid();
        });
    }

    private Uni<String> freeResumeCode(int attemptsLeft) {
        String candidate = ResumeCodes.generate();
        return JourneyEntity.count("resumeCode = ?1 and status in ?2", candidate, JourneyQueries.LIVE_STATUSES).flatMap(taken -> {
            if (taken == 0) {
                return Uni.createFrom().item(candidate);
            }
            if (attemptsLeft <= 1) {
                return Uni.createFrom().failure(new IllegalStateException("no free resume code found"));
            }
            return freeResumeCode(attemptsLeft - 1);
        });
    }

    private static void update(JourneyEntity journey, JourneyState state, Instant now) {
        journey.citizenSubject = state.citizenSubject(); // set later by JourneyAttached for a journey started by an agent
        journey.status = state.status().name();
        journey.currentStep = state.currentStepId();
        journey.version = state.version();
        journey.state = json(state);
        boolean pending = state.isAwaitingHandoff();
        journey.handoffChannel = pending ? state.handoff().targetChannel().name().toLowerCase() : null;
        journey.handoffSite = pending ? state.handoff().site() : null;
        journey.handoffAt = pending ? state.handoff().requestedAt() : null;
        journey.callbackId = state.callback() == null ? null : state.callback().callbackId();
        journey.callbackDueAt = state.callback() == null ? null : state.callback().dueAt();
        journey.callbackWindowEndsAt = state.callback() == null ? null : state.callback().windowEndsAt();
        journey.updatedAt = now;
    }

    private Uni<List<UUID>> appendEvents(JourneyCommand command, List<JourneyEvent> events, CloudEventAttributes cause,
                                         String ownerSubject) {
        List<UUID> ids = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (JourneyEvent event : events) {
            CloudEventAttributes attributes = CloudEventAttributes.causedBy(outbox.source(), event, cause);
            ids.add(UUID.fromString(attributes.id()));
            JourneyEventEntity row = new JourneyEventEntity();
            row.journeyId = event.journeyId();
            row.sequence = event.sequence();
            row.eventId = UUID.fromString(attributes.id());
            row.type = Contracts.typeOf(event.getClass());
            row.payload = json(event);
            row.commandId = command.commandId();
            row.channel = event.actor().channel().name().toLowerCase();
            row.actorRole = ActorRoles.onJourney(event.actor(), ownerSubject);
            row.actorSite = event.actor().site();
            row.occurredAt = event.occurredAt();
            chain = chain.flatMap(ignored -> row.persist())
                    .flatMap(ignored -> outbox.add(Topics.JOURNEY_EVENTS, event, attributes))
                    .replaceWithVoid();
        }
        return chain.replaceWith(ids);
    }

    private Uni<Void> storeAnswers(JourneyEntity journey, JourneyCommand command, JourneyState state, Map<String, String> answers,
                                   Instant now) {
        if (!(command instanceof SubmitStep submit) || answers.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        StepDefinition step = catalog.version(state.procedureId(), state.procedureVersion()).orElseThrow().step(submit.stepId());
        return Panache.getSession().flatMap(session -> {
            Map<String, String> sealed = new LinkedHashMap<>();
            answers.forEach((field, value) -> sealed.put(field,
                    journey.seal(value, AnswerEntity.binding(journey.id, submit.stepId(), field))));
            Uni<Void> chain = upsertAnswers(session, command.journeyId(), submit.stepId(), sealed, now);
            for (FieldDefinition field : step.fields()) {
                String value = answers.get(field.name());
                String birthDate = field.checkField() ? CheckValues.birthDate(value).orElse(null) : null;
                if (birthDate != null) {
                    CheckValueEntity check = new CheckValueEntity();
                    check.journeyId = command.journeyId();
                    // the full ISO date: a year alone is too easy to guess
                    check.checkValue = journey.seal(birthDate, CheckValueEntity.binding(journey.id));
                    chain = chain.flatMap(ignored -> session.merge(check)).replaceWithVoid();
                }
            }
            return chain;
        });
    }

    /**
     * A step's answers in one statement: a merge per field cost a select and an insert each (the bench's SQL table
     * showed three statements per command for them). A step answered again replaces its values.
     */
    private static Uni<Void> upsertAnswers(Mutiny.Session session, UUID journeyId, String stepId, Map<String, String> answers,
                                           Instant now) {
        StringBuilder sql = new StringBuilder("insert into journey_answer (journey_id, step_id, field, value, updated_at) values ");
        List<Map.Entry<String, String>> rows = List.copyOf(answers.entrySet());
        for (int i = 0; i < rows.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:journey, :step, :f").append(i).append(", :v").append(i).append(", :at)");
        }
        sql.append(" on conflict (journey_id, step_id, field) do update set value = excluded.value, updated_at = excluded.updated_at");
        var query = session.createNativeQuery(sql.toString())
                .setParameter("journey", journeyId).setParameter("step", stepId).setParameter("at", now);
        for (int i = 0; i < rows.size(); i++) {
            query.setParameter("f" + i, rows.get(i).getKey()).setParameter("v" + i, rows.get(i).getValue());
        }
        return query.executeUpdate().replaceWithVoid();
    }

    /** @param ownerSubject the journey's owner after the command (an attach makes its citizen the owner, not an aidant) */
    private Uni<Void> logStaffAccess(JourneyState state, String ownerSubject, JourneyCommand command, Instant now) {
        String action = Contracts.typeOf(command.getClass()).replace("relais.journey.command.", "").replace(".v1", "");
        if (ActorRoles.AIDANT.equals(ActorRoles.onJourney(command.actor(), ownerSubject))) {
            // an aidant's actions are the citizen's to see too: "by him, for her"
            return AccessLogWriter.journey(command.journeyId(), command.actor(), ActorRoles.AIDANT, action,
                    AccessReasons.AIDANT_MANDATE, now);
        }
        if (!ActorRoles.isStaff(command.actor())) {
            return Uni.createFrom().voidItem();
        }
        String reason = AccessReasons.of(state, command.actor(), Set.of(), now);
        return AccessLogWriter.journey(command.journeyId(), command.actor(), action, reason == null ? "command" : reason, now);
    }

    static String json(Object value) {
        try {
            return ContractJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
