package fr.relais.appointment.service;

import fr.relais.appointment.config.AppointmentsConfig;
import fr.relais.appointment.domain.BookingPolicy;
import fr.relais.appointment.domain.BookingStatus;
import fr.relais.appointment.domain.CounterChoice;
import fr.relais.appointment.domain.Motif;
import fr.relais.appointment.domain.Rejection;
import fr.relais.appointment.domain.Site;
import fr.relais.appointment.domain.TimeWindow;
import fr.relais.appointment.persistence.BookingEntity;
import fr.relais.appointment.persistence.BookingRepository;
import fr.relais.appointment.persistence.Catalog;
import fr.relais.appointment.persistence.SqlStates;
import fr.relais.events.appointment.BookingAccessed;
import fr.relais.messaging.outbox.OutboxRelay;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Holds a slot for a journey's step. The hold commits with its expiry timer and its access record in one
 * transaction; PostgreSQL's exclusion constraint, not this class, is what makes double booking impossible (this
 * class only tries the next free counter, or turns the refusal into a precise answer).
 *
 * <p>Every database step is its own {@code Panache.withSession}/{@code withTransaction}, chained and never
 * nested: a transaction refused by a constraint leaves its session unusable, so a retry must get a new one.
 */
@ApplicationScoped
public class BookingHolds {

    @Inject
    Clock clock;

    @Inject
    CatalogCache catalogs;

    @Inject
    BookingAccess access;

    @Inject
    BookingRepository bookings;

    @Inject
    AppointmentsConfig config;

    @Inject
    BookingTimers timers;

    @Inject
    OutboxRelay relay;

    /** @param counter the counter asked for, or null for any free one */
    public record HoldRequest(UUID journeyId, String procedureId, String stepId, String motif, String site,
                              Instant startsAt, String counter) {
    }

    /** What the checks before a hold found, read in one session. */
    private record HoldContext(BookingAccess.Granted granted, boolean duplicate, Map<String, List<TimeWindow>> busy) {
    }

    public Uni<BookingEntity> hold(HoldRequest request, Caller caller) {
        Instant now = clock.instant();
        Catalog catalog = catalogs.current();
        Motif motif = CatalogLookup.motif(catalog, request.motif());
        Site site = CatalogLookup.site(catalog, request.site());
        BookingAccess.requireWorksAt(caller, site.id());
        AppointmentProblems.refuseIf(CounterChoice.checkRequested(site, request.counter()));
        TimeWindow window = new TimeWindow(request.startsAt(), request.startsAt().plus(motif.duration()));
        // the journey must be known here and the caller's to act on (its citizen, or staff with a reason)
        return Panache.withSession(() -> access.toJourney(request.journeyId(), caller)
                        .flatMap(granted -> bookings.hasActiveForStep(request.journeyId(), request.procedureId(), request.stepId())
                                .flatMap(duplicate -> bookings.liveWindows(List.of(site.id()), window.start(), window.end())
                                        .map(busy -> new HoldContext(granted, duplicate, busy)))))
                .flatMap(context -> {
                    AppointmentProblems.refuseIf(BookingPolicy.checkRunning(context.granted().journey().endedAt()));
                    AppointmentProblems.refuseIf(BookingPolicy.checkProcedure(context.granted().journey().procedureId(),
                            request.procedureId()));
                    AppointmentProblems.refuseIf(BookingPolicy.check(site, motif, request.procedureId(), request.stepId(),
                            request.startsAt(), now, context.duplicate()));
                    List<String> candidates = CounterChoice.forHold(site, request.counter(), window, context.busy());
                    if (candidates.isEmpty()) {
                        throw AppointmentProblems.slotTaken(site, window);
                    }
                    return tryHold(request, caller, context.granted(), site, motif, window, candidates, 0, now);
                })
                .invoke(relay::publishSoon);
    }

    /**
     * One transaction per candidate counter: the constraint refuses a counter taken meanwhile, the next is tried.
     * The citizen's live bookings are counted under a lock on the citizen, so parallel holds cannot pass the quota.
     */
    private Uni<BookingEntity> tryHold(HoldRequest request, Caller caller, BookingAccess.Granted granted, Site site, Motif motif,
                                       TimeWindow window, List<String> candidates, int index, Instant now) {
        BookingEntity row = new BookingEntity();
        row.id = UUID.randomUUID();
        row.journeyId = request.journeyId();
        row.procedureId = request.procedureId();
        row.stepId = request.stepId();
        row.motifId = motif.id();
        row.siteId = site.id();
        row.counterId = candidates.get(index);
        row.startsAt = window.start();
        row.endsAt = window.end();
        row.status = BookingStatus.HELD;
        row.holdExpiresAt = now.plus(config.holdDuration());
        row.bookedBySubject = caller.subject();
        row.bookedByRole = caller.actingRole();
        row.createdAt = now;
        row.updatedAt = now;
        // an agent's booking belongs to the journey's citizen (none for a person without account)
        row.ownerSubject = caller.isCitizen() ? caller.subject() : granted.journey().ownerSubject();
        // locks in one order (citizen, then counter) so that two holds never wait for each other
        return Panache.withTransaction(() -> withinQuota(row.ownerSubject, now)
                        .flatMap(ignored -> bookings.lockCounter(row.counterId))
                        // flushed now: the exclusion constraint answers here, and the timer's foreign key finds the row
                        .flatMap(locked -> row.persistAndFlush())
                        .flatMap(ignored -> timers.expireHold(row))
                        .flatMap(ignored -> access.record(row, caller, BookingAccessed.HOLD, granted.reason())))
                .replaceWith(row)
                .onFailure(SqlStates::isExclusionViolation).recoverWithUni(failure -> index + 1 < candidates.size()
                        ? tryHold(request, caller, granted, site, motif, window, candidates, index + 1, now)
                        : Uni.createFrom().failure(AppointmentProblems.slotTaken(site, window)))
                .onFailure(SqlStates::isUniqueViolation).transform(failure -> AppointmentProblems.refused(new Rejection(
                        Rejection.DUPLICATE_STEP, "the journey already has an active booking for step " + request.stepId())));
    }

    /** Locks the citizen until the transaction ends and refuses a hold beyond their quota of live bookings ahead. */
    private Uni<Void> withinQuota(String ownerSubject, Instant now) {
        if (ownerSubject == null) {
            return Uni.createFrom().voidItem();
        }
        int limit = config.maxLivePerCitizen();
        return bookings.lockOwner(ownerSubject)
                .flatMap(locked -> bookings.countLiveAhead(ownerSubject, now))
                .invoke(live -> {
                    if (live >= limit) {
                        throw AppointmentProblems.tooManyBookings(limit);
                    }
                })
                .replaceWithVoid();
    }
}
