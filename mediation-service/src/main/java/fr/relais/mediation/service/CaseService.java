package fr.relais.mediation.service;

import fr.relais.events.CloudEventAttributes;
import fr.relais.events.Topics;
import fr.relais.events.journey.Deescalate;
import fr.relais.events.mediation.MediationCaseClaimed;
import fr.relais.events.mediation.MediationCaseResolved;
import fr.relais.events.mediation.MediationContactRecorded;
import fr.relais.mediation.domain.CaseOutcome;
import fr.relais.mediation.domain.ContactOutcome;
import fr.relais.mediation.domain.MediationCase;
import fr.relais.mediation.domain.RequiredSkills;
import fr.relais.mediation.domain.SkillRouting;
import fr.relais.messaging.outbox.Outbox;
import fr.relais.messaging.outbox.OutboxRelay;
import fr.relais.mediation.persistence.CaseEntity;
import fr.relais.mediation.persistence.CaseHistoryEntity;
import fr.relais.mediation.persistence.CaseRoutingEntity;
import fr.relais.mediation.persistence.JourneyContextEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A mediator's actions on cases: each loads the case under a row lock, applies the domain rule, and
 * stores the new state, a history line and the events (outbox) in one transaction. Two mediators claiming
 * at once are serialised by the lock; the second one meets {@code CaseConflict}.
 */
@ApplicationScoped
public class CaseService {

    /**
     * Thrown when the case does not exist or is outside the caller's pools. The API answers 404 to both, so a
     * caller who may not see a case cannot learn that it exists.
     */
    public static class NotVisible extends RuntimeException {
        NotVisible() {
            super("no such case");
        }
    }

    public record CaseWithHistory(MediationCase mediationCase, RequiredSkills skills, List<CaseHistoryEntity> history) {
    }

    /** A case of the queue with the skills it needs. */
    public record QueuedCase(MediationCase mediationCase, RequiredSkills skills) {
    }

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    MediationMetrics metrics;

    @Inject
    Clock clock;

    /**
     * Open and claimed cases of the pools for one mediator: first the cases whose skills she has, then the others she
     * may take, then those that wait for a mediator with a skill she lacks (SkillRouting); within each, most urgent
     * first, then the higher tier, the nearest SLA deadline, the oldest.
     */
    public Uni<List<QueuedCase>> queue(Set<String> pools, Set<String> mediatorSkills) {
        if (pools.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Instant now = clock.instant();
        return Panache.withSession(() -> CaseEntity.<CaseEntity>list("pool in ?1 and status <> 'RESOLVED'", pools)
                .flatMap(rows -> skillsOf(rows.stream().map(row -> row.id).toList()).map(skills -> rows.stream()
                        .map(row -> new QueuedCase(row.toDomain(), skills.getOrDefault(row.id, RequiredSkills.UNKNOWN)))
                        .sorted(Comparator.comparingInt((QueuedCase q) -> SkillRouting.match(q.skills(), mediatorSkills,
                                        q.mediationCase().firstContactDueAt(), now).group())
                                .thenComparing(QueuedCase::mediationCase, ORDER))
                        .limit(500)
                        .toList())));
    }

    private static final Comparator<MediationCase> ORDER = Comparator.comparingInt((MediationCase c) -> c.priority().rank())
            .thenComparing(Comparator.comparingInt(MediationCase::tier).reversed())
            .thenComparing(CaseService::nextDeadline)
            .thenComparing(MediationCase::openedAt);

    private static Uni<Map<UUID, RequiredSkills>> skillsOf(List<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return CaseRoutingEntity.<CaseRoutingEntity>list("caseId in ?1", caseIds).map(rows -> rows.stream()
                .collect(Collectors.toMap(row -> row.caseId, CaseRoutingEntity::toDomain)));
    }

    private static Uni<RequiredSkills> skillsOf(UUID caseId) {
        return CaseRoutingEntity.<CaseRoutingEntity>findById(caseId)
                .map(row -> row == null ? RequiredSkills.UNKNOWN : row.toDomain());
    }

    /** Now, as the service's clock says: routing by skill depends on the first-contact deadline. */
    public Instant now() {
        return clock.instant();
    }

    /** The deadline that matters now: first contact until it happened, then resolution. */
    public static Instant nextDeadline(MediationCase c) {
        return c.firstContactAt() == null ? c.firstContactDueAt() : c.resolutionDueAt();
    }

    public Uni<CaseWithHistory> get(UUID caseId, Set<String> pools) {
        if (pools.isEmpty()) {
            return Uni.createFrom().failure(new NotVisible());
        }
        return Panache.withSession(() -> CaseEntity.<CaseEntity>findById(caseId).flatMap(entity -> {
            check(entity, pools);
            return skillsOf(caseId).flatMap(skills -> CaseHistoryEntity.<CaseHistoryEntity>list("caseId = ?1 order by id", caseId)
                    .map(history -> new CaseWithHistory(entity.toDomain(), skills, history)));
        }));
    }

    /** Claims the case for the mediator, if her skills allow it (SkillRouting): a 409 skill-required otherwise. */
    public Uni<MediationCase> claim(UUID caseId, Set<String> pools, String mediator, Set<String> mediatorSkills) {
        return change(caseId, pools, (before, skills, now) -> {
            SkillRouting.requireClaimable(before, skills, mediatorSkills, now);
            return before.claim(mediator, now);
        }, (before, after, now) -> {
            if (after == before) {
                return Uni.createFrom().voidItem();
            }
            MediationCaseClaimed event = new MediationCaseClaimed(after.id(), after.journeyId(), now, mediator,
                    after.pool(), after.priority().wire());
            return history(after, now, "claimed", mediator, null, null)
                    .flatMap(ignored -> publish(event));
        }).invoke(c -> metrics.claimed(c));
    }

    public Uni<MediationCase> recordContact(UUID caseId, Set<String> pools, String mediator, ContactOutcome contact,
                                            String note) {
        return change(caseId, pools, (before, skills, now) -> before.recordContact(mediator, contact, now), (before, after, now) -> {
            Uni<Void> written = history(after, now, contact.isAttempt() ? "contact" : "note", mediator, contact.wire(), note);
            if (!contact.isAttempt()) {
                return written;
            }
            MediationContactRecorded event = new MediationContactRecorded(after.id(), after.journeyId(), now, mediator,
                    contact.wire(), after.contactAttempts());
            return written.flatMap(ignored -> publish(event));
        }).invoke(after -> {
            if (after.contactAttempts() == 1 && contact.isAttempt()) {
                metrics.firstContact(after);
            }
        });
    }

    public Uni<MediationCase> resolve(UUID caseId, Set<String> pools, String mediator, CaseOutcome result) {
        return change(caseId, pools, (before, skills, now) -> before.resolve(mediator, result, now), (before, after, now) -> {
            MediationCaseResolved event = new MediationCaseResolved(after.id(), after.journeyId(), now, mediator,
                    result.wire(), after.pool(), after.priority().wire(), after.openedAt());
            CloudEventAttributes resolved = CloudEventAttributes.forPayload(outbox.source(), event, null, null);
            Deescalate deescalate = new Deescalate(UUID.randomUUID(), after.journeyId(), FrictionService.ACTOR, now,
                    after.id(), result.wire());
            return history(after, now, "resolved", mediator, result.wire(), null)
                    // the friction that opened this case is dealt with: only what happens next may open another
                    .flatMap(ignored -> JourneyContextEntity.update("frictionResetAt = ?1 where journeyId = ?2", now, after.journeyId()))
                    .flatMap(ignored -> outbox.add(Topics.MEDIATION_EVENTS, event, resolved))
                    .flatMap(ignored -> outbox.add(Topics.JOURNEY_COMMANDS, deescalate,
                            CloudEventAttributes.causedBy(outbox.source(), deescalate, resolved)))
                    .replaceWithVoid();
        }).invoke(c -> metrics.resolved(c));
    }

    @FunctionalInterface
    interface Rule {
        MediationCase apply(MediationCase before, RequiredSkills skills, Instant now);
    }

    @FunctionalInterface
    interface Effects {
        Uni<Void> write(MediationCase before, MediationCase after, Instant now);
    }

    private Uni<MediationCase> change(UUID caseId, Set<String> pools, Rule rule, Effects effects) {
        if (pools.isEmpty()) {
            // not even a row lock for a caller who may see no case at all
            return Uni.createFrom().failure(new NotVisible());
        }
        return Panache.withTransaction(() -> CaseEntity.<CaseEntity>findById(caseId, LockModeType.PESSIMISTIC_WRITE)
                        .flatMap(entity -> {
                            check(entity, pools);
                            return skillsOf(caseId).flatMap(skills -> {
                                Instant now = clock.instant();
                                MediationCase before = entity.toDomain();
                                MediationCase after = rule.apply(before, skills, now);
                                entity.apply(after);
                                return effects.write(before, after, now).replaceWith(after);
                            });
                        }))
                .invoke(ignored -> relay.publishSoon());
    }

    /**
     * Whether a mediator of these pools may read the journey's friction: the journey has, or had, a case in
     * one of them (a resolved case still explains why it was opened). Runs inside the caller's session.
     */
    public static Uni<Boolean> journeyVisible(UUID journeyId, Set<String> pools) {
        if (pools.isEmpty()) {
            return Uni.createFrom().item(false);
        }
        return CaseEntity.count("journeyId = ?1 and pool in ?2", journeyId, pools).map(n -> n > 0);
    }

    private static void check(CaseEntity entity, Set<String> pools) {
        if (entity == null || !pools.contains(entity.pool)) {
            throw new NotVisible();
        }
    }

    private Uni<Void> history(MediationCase c, Instant now, String action, String actor, String code, String note) {
        return CaseHistoryEntity.of(c.id(), now, action, actor, code, note).persist().replaceWithVoid();
    }

    private Uni<Void> publish(fr.relais.events.mediation.MediationEvent event) {
        return outbox.add(Topics.MEDIATION_EVENTS, event, CloudEventAttributes.forPayload(outbox.source(), event, null, null))
                .replaceWithVoid();
    }
}
