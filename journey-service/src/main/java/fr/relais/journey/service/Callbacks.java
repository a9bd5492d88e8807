package fr.relais.journey.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import fr.relais.events.ContractJson;
import fr.relais.events.Contracts;
import fr.relais.events.journey.Actor;
import fr.relais.events.journey.CallbackAttempted;
import fr.relais.events.journey.RecordCallbackAttempt;
import fr.relais.events.journey.RequestCallback;
import fr.relais.journey.domain.Callback;
import fr.relais.journey.domain.JourneyDecider;
import fr.relais.journey.domain.JourneyState;
import fr.relais.journey.persistence.CallbackContactEntity;
import fr.relais.journey.persistence.JourneyEntity;
import fr.relais.journey.persistence.JourneyEventEntity;
import fr.relais.journey.persistence.PersonEntity;
import fr.relais.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Call backs that happen: a citizen (or the agent holding her journey) asks to be called back on a number she
 * consents to, in chosen windows; the phone agents' queue lists them by due time; an agent takes one (only she sees
 * the number, and the read goes to the citizen's access log), calls, and records the attempt. The journey's events
 * (CallbackRequested, CallbackAttempted) are decided by {@link DirectCommands}; the number stays in this database.
 */
@ApplicationScoped
public class Callbacks {

    /** A taken call back nobody recorded an attempt for is free again after this. */
    static final Duration TAKEN_FOR = Duration.ofMinutes(30);

    @Inject
    DirectCommands commands;

    @Inject
    JourneyRecorder recorder;

    @Inject
    Clock clock;

    public Uni<CallbackViews.Entry> request(UUID journeyId, CallbackViews.Request request, Actor caller) {
        // who may ask is checked before what is asked: a stranger learns nothing, not even a field error
        return Panache.withSession(() -> JourneyEntity.<JourneyEntity>findById(journeyId)).flatMap(journey -> {
            JourneyState state = journey == null ? null : recorder.stateOf(journey);
            boolean owner = state != null && caller.roles().contains("citizen") && caller.subject().equals(state.citizenSubject());
            boolean holdingAgent = state != null && ActorRoles.isStaff(caller) && state.isClaimedBy(caller.subject());
            if (!owner && !holdingAgent) {
                return Uni.createFrom().failure(ProblemException.notFound("no journey " + journeyId + " you may ask a call back for"));
            }
            return requested(journeyId, request, caller);
        });
    }

    private Uni<CallbackViews.Entry> requested(UUID journeyId, CallbackViews.Request request, Actor caller) {
        if (request == null || !request.consent()) {
            return Uni.createFrom().failure(ProblemException.invalidField("consent",
                    "the citizen must agree to be called back on this number"));
        }
        if (!PersonDrafts.blank(request.phone()) && PersonDrafts.phone(request.phone()).isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalidField("phone",
                    "a phone number such as 05 55 12 34 56 or +33 5 55 12 34 56"));
        }
        UUID callbackId = UUID.randomUUID();
        Instant now = clock.instant();
        // the number is stored first: a crash before the command leaves an unused row, never a call back without a number
        return Panache.withTransaction(() -> phoneFor(journeyId, request).flatMap(found -> {
                    CallbackContactEntity contact = new CallbackContactEntity();
                    contact.callbackId = callbackId;
                    contact.journeyId = journeyId;
                    contact.phone = found.journey().seal(found.phone(), CallbackContactEntity.binding(callbackId));
                    contact.consentAt = now;
                    contact.createdAt = now;
                    return contact.persist();
                }))
                .flatMap(ignored -> commands.run(new RequestCallback(UUID.randomUUID(), journeyId, caller, now, callbackId,
                        request.reasonCode() == null ? "needs-help" : request.reasonCode(),
                        request.windows() == null ? List.of() : request.windows())))
                .onFailure().call(() -> Panache.withTransaction(() -> CallbackContactEntity.deleteById(callbackId)))
                .flatMap(outcome -> Panache.withSession(() -> entry(callbackId, caller, false)));
    }

    /** Open call backs, the first due first; the number only on those the agent took. */
    public Uni<List<CallbackViews.Entry>> queue(Actor agent) {
        return Panache.withSession(() -> JourneyEntity.<JourneyEntity>list("callbackId is not null",
                        Sort.ascending("callbackDueAt"))
                .flatMap(journeys -> CallbackContactEntity.<CallbackContactEntity>list("callbackId in ?1",
                                journeys.stream().map(j -> j.callbackId).toList())
                        .map(contacts -> {
                            Map<UUID, CallbackContactEntity> byId = contacts.stream()
                                    .collect(Collectors.toMap(c -> c.callbackId, Function.identity()));
                            Instant now = clock.instant();
                            // the agent who took a call back sees its number in her queue until she records the attempt
                            return journeys.stream().map(j -> view(j, byId.get(j.callbackId), agent, now, true)).toList();
                        })));
    }

    /** The agent takes the call back: it is hers for {@link #TAKEN_FOR}, and she gets the number. */
    public Uni<CallbackViews.Entry> take(UUID callbackId, Actor agent) {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> open(callbackId).flatMap(found -> {
            CallbackContactEntity contact = found.contact();
            if (takenByOther(contact, agent, now)) {
                return Uni.createFrom().failure(ProblemException.conflict("callback-taken",
                        "another phone agent is calling this citizen back"));
            }
            contact.claimedBy = agent.subject();
            contact.claimedAt = now;
            return contact.persist()
                    .flatMap(ignored -> AccessLogWriter.journey(found.journey().id, agent, "callback-number-read", "callback", now))
                    .map(ignored -> view(found.journey(), contact, agent, now, true));
        }));
    }

    public Uni<CallbackViews.AttemptResult> attempt(UUID callbackId, CallbackViews.Attempt attempt, Actor agent) {
        Instant now = clock.instant();
        return Panache.withSession(() -> open(callbackId)).flatMap(found -> {
            if (found.contact().claimedBy == null || !found.contact().claimedBy.equals(agent.subject())) {
                return Uni.createFrom().failure(ProblemException.conflict("callback-not-taken",
                        "take the call back before recording an attempt"));
            }
            UUID journeyId = found.journey().id;
            return commands.run(new RecordCallbackAttempt(UUID.randomUUID(), journeyId, agent, now, callbackId,
                            attempt == null ? null : attempt.outcome(), now.plus(Duration.ofMinutes(JourneyDecider.VERIFICATION_MINUTES))))
                    .flatMap(outcome -> Panache.withTransaction(() -> CallbackContactEntity.<CallbackContactEntity>findById(callbackId)
                            .flatMap(contact -> {
                                // not reached: the call back waits again for whoever calls next
                                contact.claimedBy = null;
                                contact.claimedAt = null;
                                return contact.persist();
                            })
                            .flatMap(ignored -> lastAttempt(journeyId))
                            .map(attempted -> new CallbackViews.AttemptResult(callbackId, journeyId, attempted.outcome(),
                                    attempted.failedAttempts(), attempted.closed(), outcome.journeyStatus()))));
        });
    }

    /** The attempt just recorded, as the journey's event store has it. */
    private static Uni<CallbackAttempted> lastAttempt(UUID journeyId) {
        return JourneyEventEntity.<JourneyEventEntity>find("journeyId = ?1 and type = ?2", Sort.descending("sequence"),
                        journeyId, Contracts.typeOf(CallbackAttempted.class)).firstResult()
                .map(row -> {
                    try {
                        return ContractJson.mapper().readValue(row.payload, CallbackAttempted.class);
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException("a stored CallbackAttempted is unreadable", e);
                    }
                });
    }

    private record Open(JourneyEntity journey, CallbackContactEntity contact) {
    }

    private static Uni<Open> open(UUID callbackId) {
        return JourneyEntity.<JourneyEntity>find("callbackId", callbackId).firstResult().flatMap(journey -> {
            if (journey == null) {
                return Uni.createFrom().failure(ProblemException.notFound("no waiting call back " + callbackId));
            }
            return CallbackContactEntity.<CallbackContactEntity>findById(callbackId).map(contact -> {
                if (contact == null) {
                    throw ProblemException.notFound("no waiting call back " + callbackId);
                }
                return new Open(journey, contact);
            });
        });
    }

    private Uni<CallbackViews.Entry> entry(UUID callbackId, Actor caller, boolean withPhone) {
        return open(callbackId).map(found -> view(found.journey(), found.contact(), caller, clock.instant(), withPhone));
    }

    private record NumberToCall(JourneyEntity journey, String phone) {
    }

    private Uni<NumberToCall> phoneFor(UUID journeyId, CallbackViews.Request request) {
        return JourneyEntity.<JourneyEntity>findById(journeyId).flatMap(journey -> {
            if (journey == null) {
                return Uni.createFrom().failure(ProblemException.notFound("no journey " + journeyId));
            }
            if (!PersonDrafts.blank(request.phone())) {
                return Uni.createFrom().item(new NumberToCall(journey, PersonDrafts.phone(request.phone()).orElseThrow()));
            }
            Uni<String> recorded = journey.personId == null ? Uni.createFrom().nullItem()
                    : PersonEntity.<PersonEntity>findById(journey.personId).map(person -> person == null ? null : person.phone);
            return recorded.map(phone -> {
                if (phone == null) {
                    throw ProblemException.invalidField("phone", "no number is recorded for this citizen: give one");
                }
                return new NumberToCall(journey, phone);
            });
        });
    }

    private static boolean takenByOther(CallbackContactEntity contact, Actor agent, Instant now) {
        return contact != null && contact.claimedBy != null && !contact.claimedBy.equals(agent.subject())
                && contact.claimedAt.plus(TAKEN_FOR).isAfter(now);
    }

    private CallbackViews.Entry view(JourneyEntity journey, CallbackContactEntity contact, Actor agent, Instant now,
                                     boolean withPhone) {
        Callback callback = recorder.stateOf(journey).callback();
        boolean mine = contact != null && agent.subject().equals(contact.claimedBy) && contact.claimedAt.plus(TAKEN_FOR).isAfter(now);
        return new CallbackViews.Entry(journey.callbackId, journey.id, journey.procedureId, journey.currentStep,
                callback.reasonCode(), callback.windows(), callback.dueAt(), callback.windowEndsAt(), callback.failedAttempts(),
                !callback.dueAt().isAfter(now), callback.windowEndsAt().isBefore(now), mine, takenByOther(contact, agent, now),
                withPhone && mine ? journey.open(contact.phone, CallbackContactEntity.binding(contact.callbackId)) : null);
    }

}
