package fr.relais.journey.service;

import fr.relais.events.journey.Actor;
import fr.relais.journey.persistence.CheckValueEntity;
import fr.relais.journey.persistence.JourneyEntity;
import fr.relais.journey.persistence.ResumeLookupEntity;
import fr.relais.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Finds a live journey by resume code + check value (the citizen's full birth date, see {@link CheckValues}),
 * for a phone or desk agent, or for a citizen attaching a journey started for her to her account. Rate-limited per caller and per code (the attempts live in PostgreSQL, so every
 * instance and a restart see them): a code with too many wrong check values is locked for a while, so codes
 * cannot be guessed.
 *
 * <p>Each attempt counts, decides and records under two transaction-scoped advisory locks, the caller's then
 * the code's (always in that order, so two attempts never deadlock). Without them, parallel attempts each
 * counted the failures before any was recorded and all were evaluated; with them, the limits hold under any
 * concurrency, across instances too.
 */
@ApplicationScoped
public class ResumeCodeLookup {

    @ConfigProperty(name = "relais.lookup.max-per-caller-per-minute")
    int maxPerCaller;

    @ConfigProperty(name = "relais.lookup.max-failures-per-code")
    int maxFailuresPerCode;

    @ConfigProperty(name = "relais.lookup.lock-duration")
    Duration lockDuration;

    @Inject
    JourneyReads reads;

    @Inject
    Clock clock;

    private enum Verdict { FOUND, NO_MATCH, CALLER_LIMITED, CODE_LOCKED }

    private record Attempt(Verdict verdict, JourneyViews.LookupResult result) {
    }

    public Uni<JourneyViews.LookupResult> lookup(JourneyViews.LookupRequest request, Actor caller) {
        return lookup(request, caller, false);
    }

    /**
     * @param includeClosed also match ended journeys (a citizen attaching a journey finished at the desk before she had
     *                      an account); a closed journey's code may have been reused, so the check value decides and the
     *                      most recent match wins
     */
    public Uni<JourneyViews.LookupResult> lookup(JourneyViews.LookupRequest request, Actor caller, boolean includeClosed) {
        String code = ResumeCodes.normalise(request == null ? null : request.resumeCode());
        String check = CheckValues.birthDate(request == null ? null : request.checkValue()).orElse(null);
        if (!ResumeCodes.isWellFormed(code) || check == null) {
            return Uni.createFrom().failure(new ProblemException(400, "invalid-lookup", "Invalid lookup",
                    "a resume code is 8 characters from " + ResumeCodes.ALPHABET + " and the check value is "
                            + CheckValues.FORMATS));
        }
        // the attempt is committed whatever its verdict, so failures count even though the caller gets an error
        return attempt(code, check, caller, includeClosed).map(attempt -> switch (attempt.verdict()) {
            case FOUND -> attempt.result();
            case NO_MATCH -> throw new ProblemException(404, "no-match", "No matching journey",
                    "no live journey matches this resume code and check value");
            case CALLER_LIMITED -> throw new ProblemException(429, "too-many-lookups", "Too many lookups",
                    "at most " + maxPerCaller + " lookups a minute; try again shortly");
            case CODE_LOCKED -> throw new ProblemException(429, "resume-code-locked", "Resume code locked",
                    "too many wrong check values for this code; it is locked for " + lockDuration.toMinutes() + " minutes");
        });
    }

    @WithTransaction
    Uni<Attempt> attempt(String code, String check, Actor caller, boolean includeClosed) {
        return lock("resume-lookup-caller:" + caller.subject())
                .flatMap(ignored -> lock("resume-lookup-code:" + code))
                .flatMap(ignored -> decide(code, check, caller, includeClosed, clock.instant()));
    }

    /** Held until the transaction ends; waits while another attempt holds it. */
    private static Uni<Void> lock(String key) {
        return Panache.getSession().flatMap(session -> session
                .createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", key)
                .getSingleResult()).replaceWithVoid();
    }

    private Uni<Attempt> decide(String code, String check, Actor caller, boolean includeClosed, Instant now) {
        return ResumeLookupEntity.count("caller = ?1 and at > ?2", caller.subject(), now.minusSeconds(60)).flatMap(recent -> {
            if (recent >= maxPerCaller) {
                return Uni.createFrom().item(new Attempt(Verdict.CALLER_LIMITED, null));
            }
            return ResumeLookupEntity.count("resumeCode = ?1 and succeeded = false and at > ?2", code, now.minus(lockDuration))
                    .flatMap(failures -> failures >= maxFailuresPerCode
                            ? Uni.createFrom().item(new Attempt(Verdict.CODE_LOCKED, null))
                            : match(code, check, caller, includeClosed, now));
        });
    }

    private Uni<Attempt> match(String code, String check, Actor caller, boolean includeClosed, Instant now) {
        Uni<List<JourneyEntity>> candidates = includeClosed
                ? JourneyEntity.list("resumeCode", Sort.descending("updatedAt"), code)
                : JourneyEntity.list("resumeCode = ?1 and status in ?2", code, JourneyQueries.LIVE_STATUSES);
        return candidates.flatMap(journeys -> journeys.isEmpty() ? Uni.createFrom().<JourneyEntity>nullItem()
                        // sealed check values are compared once opened with each journey's key
                        : CheckValueEntity.<CheckValueEntity>list("journeyId in ?1", journeys.stream().map(j -> j.id).toList())
                        .map(values -> journeys.stream()
                                .filter(j -> values.stream().anyMatch(v -> v.journeyId.equals(j.id)
                                        && check.equals(j.open(v.checkValue, CheckValueEntity.binding(j.id)))))
                                .findFirst().orElse(null)))
                .flatMap(journey -> record(caller, code, journey != null, now).flatMap(ignored -> {
                    if (journey == null) {
                        return Uni.createFrom().item(new Attempt(Verdict.NO_MATCH, null));
                    }
                    // a citizen proving her own journey (to attach it) is no staff access to log
                    Uni<Void> logged = ActorRoles.isStaff(caller)
                            ? reads.logRead(journey.id, caller, "resume-code-and-check-value", now) : Uni.createFrom().voidItem();
                    return logged.replaceWith(new Attempt(Verdict.FOUND, new JourneyViews.LookupResult(journey.id, journey.procedureId,
                                    journey.status, journey.currentStep)));
                }));
    }

    private static Uni<Void> record(Actor caller, String code, boolean succeeded, Instant now) {
        ResumeLookupEntity row = new ResumeLookupEntity();
        row.caller = caller.subject();
        row.resumeCode = code;
        row.succeeded = succeeded;
        row.at = now;
        return row.persist().replaceWithVoid();
    }

    /** Attempts older than an hour no longer count for any limit. */
    @Scheduled(every = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        return Panache.withTransaction(() -> ResumeLookupEntity.delete("at < ?1", clock.instant().minus(Duration.ofHours(1))))
                .replaceWithVoid();
    }
}
