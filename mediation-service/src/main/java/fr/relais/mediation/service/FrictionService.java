package fr.relais.mediation.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import fr.relais.events.CloudEventAttributes;
import fr.relais.events.ContractJson;
import fr.relais.events.Topics;
import fr.relais.events.journey.Actor;
import fr.relais.events.journey.Escalate;
import fr.relais.events.mediation.MediationCaseOpened;
import fr.relais.mediation.domain.FrictionPolicy;
import fr.relais.mediation.domain.FrictionScore;
import fr.relais.mediation.domain.FrictionScorer;
import fr.relais.mediation.domain.MediationCase;
import fr.relais.mediation.domain.PingPongDetector;
import fr.relais.mediation.domain.Signal;
import fr.relais.mediation.domain.SignalKind;
import fr.relais.mediation.domain.SignalRule;
import fr.relais.mediation.domain.SlaTimer;
import fr.relais.messaging.inbox.ProcessedMessages;
import fr.relais.messaging.outbox.Outbox;
import fr.relais.messaging.outbox.OutboxRelay;
import fr.relais.mediation.persistence.CaseEntity;
import fr.relais.mediation.persistence.CaseHistoryEntity;
import fr.relais.mediation.persistence.CaseRoutingEntity;
import fr.relais.mediation.persistence.FrictionScoreEntity;
import fr.relais.mediation.persistence.JourneyContextEntity;
import fr.relais.mediation.persistence.SignalEntity;
import fr.relais.mediation.persistence.SlaTimerEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Takes what one record says about a journey and, in one transaction: remembers the record as processed,
 * stores the new signals (once each), derives channel ping-pong, recomputes the explainable score and,
 * when it crosses the threshold and the journey has no open case, opens one and writes case-opened and an
 * Escalate command to the outbox. The journey's context row is locked first, so the consumers of the
 * three topics never decide on the same journey at once.
 */
@ApplicationScoped
public class FrictionService {

    /** This service as a CloudEvents source and a system actor (its quarkus.application.name). */
    public static final String SOURCE = "mediation-service";
    public static final Actor ACTOR = Actor.system(SOURCE);

    private static final String ENSURE_CONTEXT =
            "insert into journey_context (journey_id) values (:journey) on conflict do nothing";
    private static final String INSERT_SIGNAL = "insert into signal (source_id, journey_id, kind, step_id, channel, site, count, occurred_at)"
            + " values (:source, :journey, :kind, :step, :channel, :site, :count, :at) on conflict (source_id) do nothing";

    @Inject
    FrictionPolicy policy;

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    ProcessedMessages processed;

    @Inject
    MediationMetrics metrics;

    @Inject
    Clock clock;

    /** What a record changed, for metrics after the commit. */
    public record Result(boolean duplicate, String procedureId, List<Signal> newSignals, FrictionScore score,
                         MediationCase opened) {
        static Result ofDuplicate() {
            return new Result(true, null, List.of(), null, null);
        }
    }

    public Uni<Result> ingest(Ingest ingest) {
        return Panache.withTransaction(() -> processed.markNew(ingest.consumer(), ingest.cause().id())
                        .flatMap(first -> first ? apply(ingest) : Uni.createFrom().item(Result.ofDuplicate())))
                .invoke(result -> {
                    if (result.duplicate()) {
                        return;
                    }
                    result.newSignals().forEach(signal -> metrics.signal(signal, result.procedureId()));
                    if (result.opened() != null) {
                        metrics.opened(result.opened());
                        relay.publishSoon();
                    }
                });
    }

    private Uni<Result> apply(Ingest ingest) {
        return lockContext(ingest.journeyId()).flatMap(context -> {
            boolean procedureLearnt = ingest.procedureId() != null && context.procedureId == null;
            if (procedureLearnt) {
                context.procedureId = ingest.procedureId();
                context.procedureVersion = ingest.procedureVersion();
            }
            if (ingest.site() != null) {
                context.lastSite = ingest.site();
            }
            if (ingest.milestone() != null) {
                JourneyLife.record(context, ingest.milestone());
            }
            context.updatedAt = clock.instant();
            // a plea for help can open a case before the journey's start is read here: the case learns its procedure now
            // (a mediator books a desk appointment for the case's procedure)
            Uni<Integer> caseProcedure = procedureLearnt
                    ? CaseEntity.update("procedureId = ?1 where journeyId = ?2 and procedureId is null", ingest.procedureId(), ingest.journeyId())
                    : Uni.createFrom().item(0);
            return caseProcedure.flatMap(ignored -> SiteWork.record(ingest))
                    .flatMap(ignored -> insertNew(ingest.signals())).flatMap(inserted -> {
                if (inserted.isEmpty()) {
                    return Uni.createFrom().item(new Result(false, context.procedureId, List.of(), null, null));
                }
                return rescore(context, inserted);
            });
        });
    }

    private Uni<JourneyContextEntity> lockContext(UUID journeyId) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(ENSURE_CONTEXT)
                .setParameter("journey", journeyId).executeUpdate()
                .flatMap(ignored -> JourneyContextEntity.<JourneyContextEntity>findById(journeyId, LockModeType.PESSIMISTIC_WRITE)));
    }

    /** Inserts the signals that are new; emits those (a redelivered or replayed signal is not among them). */
    private Uni<List<Signal>> insertNew(List<Signal> signals) {
        return Multi.createFrom().iterable(signals)
                .onItem().transformToUniAndConcatenate(signal -> insert(signal).map(n -> n > 0 ? signal : null))
                .filter(Objects::nonNull)
                .collect().asList();
    }

    private Uni<Integer> insert(Signal signal) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(INSERT_SIGNAL)
                .setParameter("source", signal.sourceId())
                .setParameter("journey", signal.journeyId())
                .setParameter("kind", signal.kind().wire())
                .setParameter("step", signal.stepId())
                .setParameter("channel", signal.channel())
                .setParameter("site", signal.site())
                .setParameter("count", signal.count())
                .setParameter("at", signal.occurredAt())
                .executeUpdate());
    }

    private Uni<Result> rescore(JourneyContextEntity context, List<Signal> inserted) {
        Instant earliest = inserted.stream().map(Signal::occurredAt).min(Instant::compareTo).orElseThrow();
        Instant since = context.countsFrom(earliest.minus(policy.longestWindow()));
        return history(context.journeyId, since).flatMap(history -> derivePingPong(context, history, inserted)
                .flatMap(derived -> {
                    List<Signal> all = new ArrayList<>(history);
                    all.addAll(derived);
                    List<Signal> fresh = new ArrayList<>(inserted);
                    fresh.addAll(derived);
                    FrictionScore score = FrictionScorer.score(policy, context.procedureId, all,
                            FrictionScorer.latest(all, clock.instant()));
                    return saveScore(context.journeyId, score)
                            .flatMap(ignored -> score.crossed() ? openIfNone(context, score) : Uni.createFrom().nullItem())
                            .map(opened -> new Result(false, context.procedureId, fresh, score, opened));
                }));
    }

    /** The journey's signals since {@code since}, including the ones just inserted. */
    public static Uni<List<Signal>> history(UUID journeyId, Instant since) {
        return SignalEntity.<SignalEntity>list("journeyId = ?1 and occurredAt >= ?2 order by occurredAt, id", journeyId, since)
                .map(rows -> rows.stream().map(SignalEntity::toDomain).filter(Objects::nonNull).toList());
    }

    private Uni<List<Signal>> derivePingPong(JourneyContextEntity context, List<Signal> history, List<Signal> inserted) {
        SignalRule rule = policy.rulesFor(context.procedureId).get(SignalKind.CHANNEL_PING_PONG);
        if (rule == null) {
            return Uni.createFrom().item(List.of());
        }
        List<Signal> candidates = new ArrayList<>();
        for (Signal signal : inserted) {
            PingPongDetector.detect(history, signal, rule.window())
                    .filter(derived -> candidates.stream().noneMatch(c -> c.sourceId().equals(derived.sourceId())))
                    .ifPresent(candidates::add);
        }
        return insertNew(candidates);
    }

    private Uni<Void> saveScore(UUID journeyId, FrictionScore score) {
        return FrictionScoreEntity.<FrictionScoreEntity>findById(journeyId).flatMap(existing -> {
            FrictionScoreEntity entity = existing != null ? existing : new FrictionScoreEntity();
            entity.journeyId = journeyId;
            entity.score = score.total();
            entity.threshold = score.threshold();
            entity.policyVersion = score.policyVersion();
            entity.procedureId = score.procedureId();
            entity.evaluatedAt = score.evaluatedAt();
            // a JSON object (the reactive client maps JSON columns to objects): {"contributions": [...]}
            entity.contributions = json(java.util.Map.of("contributions", score.contributions()));
            entity.updatedAt = clock.instant();
            return existing != null ? Uni.createFrom().voidItem() : entity.persist().replaceWithVoid();
        });
    }

    private Uni<MediationCase> openIfNone(JourneyContextEntity context, FrictionScore score) {
        return CaseEntity.count("journeyId = ?1 and status <> 'RESOLVED'", context.journeyId).flatMap(open -> {
            if (!MediationCase.shouldOpen(score, open > 0)) {
                return Uni.createFrom().nullItem();
            }
            Instant now = clock.instant();
            MediationCase opened = MediationCase.open(UUID.randomUUID(), score, context.journeyId,
                    policy.routing().poolFor(context.lastSite), policy, now);
            return CaseEntity.from(opened).persist()
                    // the skills it needs are asked of journey-service once this commits (RoutingLookups)
                    .flatMap(ignored -> CaseRoutingEntity.pending(opened.id(), now).persist())
                    .flatMap(ignored -> CaseHistoryEntity.of(opened.id(), now, "opened", SOURCE, opened.reasonCode(),
                            null).persist())
                    .flatMap(ignored -> persistTimers(opened))
                    .flatMap(ignored -> publishOpened(opened, score))
                    .replaceWith(opened);
        });
    }

    private Uni<Void> persistTimers(MediationCase opened) {
        return SlaTimerEntity.persistAll(opened.id(), opened.tier(), SlaTimer.plan(opened.openedAt(), opened.firstContactDueAt(),
                opened.resolutionDueAt(), policy.atRiskRatio()));
    }

    private Uni<Void> publishOpened(MediationCase opened, FrictionScore score) {
        MediationCaseOpened event = new MediationCaseOpened(opened.id(), opened.journeyId(), opened.openedAt(),
                opened.reasonCode(), opened.priority().wire(), opened.pool(), round(score.total()), score.threshold(),
                opened.policyVersion(), opened.procedureId(), opened.stepId(),
                score.contributingKinds().stream().map(SignalKind::wire).toList(),
                opened.firstContactDueAt(), opened.resolutionDueAt());
        CloudEventAttributes openedAttributes = CloudEventAttributes.forPayload(SOURCE, event, null, null);
        Escalate escalate = new Escalate(UUID.randomUUID(), opened.journeyId(), ACTOR, opened.openedAt(), opened.id(),
                opened.reasonCode(), opened.pool());
        return outbox.add(Topics.MEDIATION_EVENTS, event, openedAttributes)
                .flatMap(ignored -> outbox.add(Topics.JOURNEY_COMMANDS, escalate,
                        CloudEventAttributes.causedBy(SOURCE, escalate, openedAttributes)))
                .replaceWithVoid();
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    static String json(Object value) {
        try {
            return ContractJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write JSON", e);
        }
    }

    /** The age limit of signals worth loading for a score at {@code at}. */
    public Instant horizon(Instant at) {
        return at.minus(policy.longestWindow()).minus(Duration.ofSeconds(1));
    }
}
