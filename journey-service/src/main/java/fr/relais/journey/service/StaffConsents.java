package fr.relais.journey.service;

import fr.relais.events.journey.Actor;
import fr.relais.journey.persistence.AccessLogEntity;
import fr.relais.journey.persistence.PersonEntity;
import fr.relais.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A counter or phone agent gives or withdraws a consent on the citizen's word, for one who never goes online: only for
 * a person this agent found by her exact names and birth date (or recorded) within the last half hour, as her access
 * log shows; the change is dated with the agent's channel and role and written to her access log.
 */
@ApplicationScoped
public class StaffConsents {

    static final String REASON = "on-her-word";
    static final Duration FOUND_WITHIN = Duration.ofMinutes(30);
    private static final List<String> FINDING_ACTIONS = List.of("search", "create");

    @Inject
    Clock clock;

    @WithTransaction
    public Uni<PersonViews.Person> change(UUID personId, String purposeCode, boolean give, Actor staff) {
        Instant now = clock.instant();
        return Uni.createFrom().item(purposeCode).map(MyConsents::purpose).flatMap(purpose -> AccessLogEntity.count(
                        "personId = ?1 and actorSubject = ?2 and action in ?3 and at >= ?4", personId, staff.subject(),
                        FINDING_ACTIONS, now.minus(FOUND_WITHIN))
                .flatMap(found -> found == 0
                        // as if she did not exist: an id alone proves nothing about who is in front of the agent
                        ? Uni.createFrom().failure(notFound())
                        : PersonEntity.<PersonEntity>findById(personId, LockModeType.PESSIMISTIC_WRITE))
                .flatMap(p -> p == null || p.erasedAt != null ? Uni.createFrom().failure(notFound())
                        : MyConsents.apply(p, purpose, give, staff, REASON, now)
                        .flatMap(ignored -> PersonRecords.liveJourneys(p.id))
                        .map(journeys -> PersonRecords.view(p, journeys))));
    }

    private static ProblemException notFound() {
        return new ProblemException(404, "person-not-found", "No such person",
                "find the person by her names and birth date first (within the last " + FOUND_WITHIN.toMinutes() + " minutes)");
    }
}
