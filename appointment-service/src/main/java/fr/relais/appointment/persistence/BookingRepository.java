package fr.relais.appointment.persistence;

import fr.relais.appointment.domain.BookingStatus;
import fr.relais.appointment.domain.TimeWindow;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Queries on bookings and their timers. Every method runs in the caller's session (and transaction, for changes). */
@ApplicationScoped
public class BookingRepository implements PanacheRepositoryBase<BookingEntity, UUID> {

    private static final List<BookingStatus> LIVE = List.copyOf(BookingStatus.LIVE);
    private static final List<BookingStatus> ACTIVE = List.copyOf(BookingStatus.ACTIVE);
    /** classid of this service's counter locks (8082: the service's port) */
    private static final String LOCK_COUNTER = "select count(*) from (select pg_advisory_xact_lock(8082, hashtext(:counter))) as locked";
    /** classid of this service's per-citizen locks (the quota of live bookings); another key space than counters' */
    private static final String LOCK_OWNER = "select count(*) from (select pg_advisory_xact_lock(8083, hashtext(:owner))) as locked";

    /** Live bookings (held, confirmed, checked in) overlapping [from, to), per counter id. */
    public Uni<Map<String, List<TimeWindow>>> liveWindows(List<String> siteIds, Instant from, Instant to) {
        return list("siteId in ?1 and status in ?2 and startsAt < ?3 and endsAt > ?4", siteIds, LIVE, to, from)
                .map(rows -> {
                    Map<String, List<TimeWindow>> busy = new HashMap<>();
                    rows.forEach(b -> busy.computeIfAbsent(b.counterId, k -> new ArrayList<>()).add(b.window()));
                    return busy;
                });
    }

    public Uni<Boolean> hasActiveForStep(UUID journeyId, String procedureId, String stepId) {
        return count("journeyId = ?1 and procedureId = ?2 and stepId = ?3 and status in ?4", journeyId, procedureId, stepId, ACTIVE)
                .map(n -> n > 0);
    }

    /** The booking, locked until the transaction ends (FOR UPDATE). */
    public Uni<BookingEntity> findForUpdate(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<List<BookingEntity>> ofJourney(UUID journeyId) {
        return list("journeyId = ?1 order by startsAt", journeyId);
    }

    public Uni<List<BookingEntity>> ofOwner(String subject) {
        return list("ownerSubject = ?1 order by startsAt", subject);
    }

    /** Active bookings of a journey, locked: a journey that ended loses them. */
    public Uni<List<BookingEntity>> activeOfJourneyForUpdate(UUID journeyId) {
        return find("journeyId = ?1 and status in ?2", journeyId, ACTIVE).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    public Uni<List<BookingEntity>> daySheet(String siteId, Instant from, Instant to) {
        return list("siteId = ?1 and startsAt >= ?2 and startsAt < ?3 and status in ?4 order by startsAt, counterId",
                siteId, from, to, List.of(BookingStatus.CONFIRMED, BookingStatus.CHECKED_IN, BookingStatus.NO_SHOW));
    }

    /** The confirmed bookings of a journey at a site starting in [from, to), locked, for a check-in. */
    public Uni<List<BookingEntity>> checkInCandidates(UUID journeyId, String siteId, Instant from, Instant to) {
        return find("journeyId = ?1 and siteId = ?2 and status = ?3 and startsAt >= ?4 and startsAt < ?5 order by startsAt",
                journeyId, siteId, BookingStatus.CONFIRMED, from, to).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /**
     * Orders writers of one counter until the transaction ends. The exclusion constraint still decides; without
     * this, two transactions inserting conflicting rows at once each wait for the other inside the constraint
     * check and PostgreSQL aborts one as a deadlock (40P01) after deadlock_timeout. With it, the second writer
     * meets a committed row and is refused at once (23P01). Two-key advisory locks: a key space of their own.
     */
    public Uni<Void> lockCounter(String counterId) {
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery(LOCK_COUNTER, Long.class).setParameter("counter", counterId).getSingleResult())
                .replaceWithVoid();
    }

    /** Orders the holds of one citizen until the transaction ends, so that counting their live bookings is exact. */
    public Uni<Void> lockOwner(String ownerSubject) {
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery(LOCK_OWNER, Long.class).setParameter("owner", ownerSubject).getSingleResult())
                .replaceWithVoid();
    }

    /** A citizen's live bookings ahead: held and not yet expired, or confirmed, starting after {@code now}. */
    public Uni<Long> countLiveAhead(String ownerSubject, Instant now) {
        return count("ownerSubject = ?1 and startsAt > ?2 and (status = ?3 and holdExpiresAt > ?2 or status = ?4)",
                ownerSubject, now, BookingStatus.HELD, BookingStatus.CONFIRMED);
    }

    public Uni<Void> schedule(UUID bookingId, String kind, String code, Instant due) {
        return ScheduledJobEntity.of(bookingId, kind, code, due).persist().replaceWithVoid();
    }

    /** Marks the booking's pending timers done; call it before scheduling new ones in the same transaction. */
    public Uni<Void> dropPendingJobs(UUID bookingId, String outcome, Instant now) {
        return ScheduledJobEntity.update("doneAt = ?1, outcome = ?2 where bookingId = ?3 and doneAt is null", now, outcome, bookingId)
                .replaceWithVoid();
    }
}
