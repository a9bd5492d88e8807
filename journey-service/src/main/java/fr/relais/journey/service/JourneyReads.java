package fr.relais.journey.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import fr.relais.events.ContractJson;
import fr.relais.events.journey.Actor;
import fr.relais.journey.domain.JourneyState;
import fr.relais.journey.domain.Mandate;
import fr.relais.journey.persistence.AccessLogEntity;
import fr.relais.journey.persistence.AnswerEntity;
import fr.relais.journey.persistence.JourneyEntity;
import fr.relais.journey.persistence.PersonEntity;
import fr.relais.journey.persistence.JourneyEventEntity;
import fr.relais.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The read side: a citizen reads their own journeys; a staff member reads a journey only with a reason
 * (ARCHITECTURE.md "A journey"), and every such read is written to the citizen's access log.
 */
@ApplicationScoped
public class JourneyReads {

    @Inject
    JourneyRecorder recorder;

    @Inject
    Clock clock;

    @WithSession
    public Uni<List<JourneyViews.Summary>> mine(Actor citizen) {
        return JourneyEntity.<JourneyEntity>list("citizenSubject = ?1 and erasedAt is null", Sort.descending("updatedAt"), citizen.subject())
                .map(rows -> rows.stream().map(j -> new JourneyViews.Summary(j.id, j.procedureId, j.procedureVersion, j.status,
                        j.currentStep, j.updatedAt, j.resumeCode)).toList());
    }

    /** @param pools the caller's mediator pools (token claim {@code pool}), empty for anyone else */
    @WithTransaction
    public Uni<JourneyViews.Detail> detail(UUID journeyId, Actor caller, Set<String> pools) {
        return JourneyEntity.<JourneyEntity>findById(journeyId).flatMap(journey -> {
            if (journey == null) {
                return Uni.createFrom().failure(ProblemException.notFound("no journey " + journeyId));
            }
            JourneyState state = recorder.stateOf(journey);
            Instant now = clock.instant();
            boolean owner = caller.subject().equals(journey.citizenSubject) && caller.roles().contains("citizen");
            boolean aidant = !owner && caller.roles().contains("citizen") && !ActorRoles.isStaff(caller)
                    && state.validAidantMandateFor(caller.subject(), now).isPresent();
            String reason = owner ? null : aidant ? AccessReasons.AIDANT_MANDATE : AccessReasons.of(state, caller, pools, now);
            if (!owner && !aidant && caller.roles().contains("citizen") && !ActorRoles.isStaff(caller)) {
                // another citizen's journey: do not even confirm it exists
                return Uni.createFrom().failure(ProblemException.notFound("no journey " + journeyId));
            }
            if (reason == null && !owner && ActorRoles.primary(caller).equals("mediator")) {
                // a mediator knows journeys through their pool's cases: outside it, the journey is not confirmed either
                return Uni.createFrom().failure(ProblemException.notFound("no journey " + journeyId + " in your pool"));
            }
            if (!owner && reason == null) {
                return Uni.createFrom().failure(ProblemException.forbidden(
                        "no reason to read this journey: the citizen is not checked in at your site, not verified on your call, has given no mandate and it is not handed off to you"));
            }
            Uni<Void> logged = owner ? Uni.createFrom().voidItem()
                    : aidant ? AccessLogWriter.journey(journeyId, caller, ActorRoles.AIDANT, "read", reason, now)
                    : logRead(journeyId, caller, reason, now);
            return logged.flatMap(ignored -> timeline(journeyId))
                    .flatMap(timeline -> answers(journey).flatMap(answers -> aidantNames(owner ? state : null)
                            .map(names -> view(journey, state, caller, owner, reason, timeline, answers, names))));
        });
    }

    @WithSession
    public Uni<List<JourneyViews.AccessLogEntry>> accessLog(UUID journeyId, Actor citizen) {
        return JourneyEntity.<JourneyEntity>findById(journeyId).flatMap(journey -> {
            if (journey == null || !citizen.subject().equals(journey.citizenSubject)) {
                return Uni.createFrom().failure(ProblemException.notFound("no journey " + journeyId + " of yours"));
            }
            // the journey's own entries, and those about her person (a search that found her, her record created)
            Uni<List<AccessLogEntity>> rows = journey.personId == null
                    ? AccessLogEntity.list("journeyId", Sort.ascending("at"), journeyId)
                    : AccessLogEntity.list("journeyId = ?1 or (journeyId is null and personId = ?2)", Sort.ascending("at"),
                    journeyId, journey.personId);
            return rows
                    .map(entries -> entries.stream().map(e -> new JourneyViews.AccessLogEntry(e.at, e.actorRole, e.actorSite, e.channel,
                            e.action, e.reason)).toList());
        });
    }

    @WithSession
    public Uni<List<JourneyViews.QueueEntry>> queue(String channel, String site) {
        Uni<List<JourneyEntity>> rows = site == null
                ? JourneyEntity.list("handoffChannel = ?1", Sort.ascending("handoffAt"), channel)
                : JourneyEntity.list("handoffChannel = ?1 and handoffSite = ?2", Sort.ascending("handoffAt"), channel, site);
        return rows.map(list -> list.stream().map(j -> {
            JourneyState state = recorder.stateOf(j);
            return new JourneyViews.QueueEntry(j.id, j.procedureId, j.currentStep,
                    state.handoff() == null ? null : state.handoff().reasonCode(), j.handoffAt);
        }).toList());
    }

    Uni<Void> logRead(UUID journeyId, Actor caller, String reason, Instant now) {
        return AccessLogWriter.journey(journeyId, caller, "read", reason, now);
    }

    private Uni<List<JourneyViews.TimelineEntry>> timeline(UUID journeyId) {
        return JourneyEventEntity.<JourneyEventEntity>list("journeyId", Sort.ascending("sequence"), journeyId)
                .map(rows -> rows.stream().map(e -> new JourneyViews.TimelineEntry(e.sequence, e.occurredAt,
                        e.type.replace("relais.journey.", "").replace(".v1", ""), stepOf(e.payload), e.channel, e.actorRole,
                        e.actorSite)).toList());
    }

    private Uni<Map<String, Map<String, String>>> answers(JourneyEntity journey) {
        return AnswerEntity.<AnswerEntity>list("journeyId", journey.id).map(rows -> {
            Map<String, Map<String, String>> byStep = new LinkedHashMap<>();
            rows.forEach(a -> byStep.computeIfAbsent(a.stepId, s -> new LinkedHashMap<>())
                    .put(a.field, journey.open(a.value, AnswerEntity.binding(journey.id, a.stepId, a.field))));
            return byStep;
        });
    }

    /** The names of the aidants the owner named, for her list of mandates (nobody else sees them). */
    private static Uni<Map<UUID, String>> aidantNames(JourneyState ownersState) {
        List<UUID> ids = ownersState == null ? List.of() : ownersState.mandates().stream().filter(Mandate::isAidant)
                .map(Mandate::aidantPersonId).distinct().toList();
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return PersonEntity.<PersonEntity>list("id in ?1", ids).map(people -> people.stream()
                .collect(Collectors.toMap(p -> p.id, p -> p.givenNames + " " + p.familyName)));
    }

    private static JourneyViews.Detail view(JourneyEntity journey, JourneyState state, Actor caller, boolean owner, String reason,
                                            List<JourneyViews.TimelineEntry> timeline, Map<String, Map<String, String>> answers,
                                            Map<UUID, String> aidantNames) {
        JourneyViews.Handoff handoff = state.handoff() == null ? null : new JourneyViews.Handoff(
                state.handoff().targetChannel().name().toLowerCase(), state.handoff().site(), state.handoff().reasonCode(),
                state.handoff().requestedAt());
        JourneyViews.Claim claim = state.claim() == null ? null : new JourneyViews.Claim(
                state.claim().channel().name().toLowerCase(), state.claim().site(), state.claim().at(),
                state.claim().agentSubject().equals(caller.subject()));
        return new JourneyViews.Detail(journey.id, journey.procedureId, journey.procedureVersion, journey.status, journey.currentStep,
                state.completedSteps(), journey.version, owner ? journey.resumeCode : null, handoff, claim, state.escalation() != null,
                timeline, answers, reason, owner ? state.mandates().stream()
                        .map(m -> new JourneyViews.MandateView(m.mandateId(), m.site(), m.expiresAt(), m.revoked(),
                                m.isAidant() ? aidantNames.get(m.aidantPersonId()) : null)).toList() : null,
                state.citizenMayAct());
    }

    private static String stepOf(String payload) {
        try {
            var node = ContractJson.mapper().readTree(payload);
            return node.hasNonNull("stepId") ? node.get("stepId").asText() : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
