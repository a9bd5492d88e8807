package fr.relais.appointment.service;

import fr.relais.appointment.config.AppointmentsConfig;
import fr.relais.appointment.domain.BookingPolicy;
import fr.relais.appointment.domain.BookingStatus;
import fr.relais.appointment.domain.Motif;
import fr.relais.appointment.domain.NoShows;
import fr.relais.appointment.domain.Rejection;
import fr.relais.appointment.domain.Reminders;
import fr.relais.appointment.domain.Site;
import fr.relais.appointment.domain.Slot;
import fr.relais.appointment.domain.SlotCalculator;
import fr.relais.appointment.domain.TimeWindow;
import fr.relais.messaging.outbox.OutboxRelay;
import fr.relais.appointment.persistence.BookingEntity;
import fr.relais.appointment.persistence.BookingRepository;
import fr.relais.appointment.persistence.Catalog;
import fr.relais.appointment.persistence.ScheduledJobEntity;
import fr.relais.appointment.persistence.SqlStates;
import fr.relais.events.appointment.AppointmentBooked;
import fr.relais.events.appointment.AppointmentCancelled;
import fr.relais.events.appointment.AppointmentCheckedIn;
import fr.relais.events.appointment.AppointmentRescheduled;
import fr.relais.events.appointment.BookingAccessed;
import fr.relais.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Holds, confirms, cancels, reschedules and checks in bookings. Each change commits with its outbox
 * events and timers in one transaction; PostgreSQL's exclusion constraint, not this class, is what makes
 * double booking impossible (this class only turns its refusal into a precise answer).
 *
 * <p>Every database step is its own {@code Panache.withSession}/{@code withTransaction}, chained and never
 * nested: a transaction refused by a constraint leaves its session unusable, so a retry must get a new one.
 *
 * <p>Who may do what is {@link BookingAccess}'s decision; every staff access is written to the outbox with the
 * change (reads: a small transaction of their own), for the citizen's access log.
 */
@ApplicationScoped
public class BookingService {

    /** The longest range one availability query may cover. */
    public static final int MAX_RANGE_DAYS = 31;

    @Inject
    CatalogCache catalogs;

    @Inject
    BookingRepository bookings;

    @Inject
    AppointmentOutbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    AppointmentMetrics metrics;

    @Inject
    Clock clock;

    @Inject
    NoShows noShows;

    @Inject
    AppointmentsConfig config;

    @Inject
    BookingAccess access;

    public record HoldRequest(UUID journeyId, String procedureId, String stepId, String motif, String site,
                              Instant startsAt, String counter) {
    }

    // ---- reads -------------------------------------------------------------------------------------

    public Uni<List<Slot>> availability(String motifId, List<String> siteIds, String department, LocalDate from, LocalDate to) {
        if (to.isBefore(from) || from.plusDays(MAX_RANGE_DAYS).isBefore(to)) {
            throw ProblemException.invalid("the date range must run forwards and cover at most " + MAX_RANGE_DAYS + " days");
        }
        Instant now = clock.instant();
        Catalog catalog = catalogs.current();
        Motif motif = motif(catalog, motifId);
        List<Site> sites = new ArrayList<>();
        if (siteIds != null && !siteIds.isEmpty()) {
            siteIds.forEach(id -> sites.add(site(catalog, id)));
        } else if (department != null && !department.isBlank()) {
            sites.addAll(catalog.sitesInDepartment(department));
        } else {
            sites.addAll(catalog.sites().values());
        }
        List<Site> offering = sites.stream().filter(s -> motif.offeredAt(s.id())).toList();
        if (offering.isEmpty()) {
            return Uni.createFrom().item(List.<Slot>of());
        }
        Instant windowStart = from.atStartOfDay(offering.get(0).hours().zone()).toInstant().minus(Duration.ofDays(1));
        Instant windowEnd = to.plusDays(2).atStartOfDay(offering.get(0).hours().zone()).toInstant();
        return Panache.withSession(() -> bookings.liveWindows(offering.stream().map(Site::id).toList(), windowStart, windowEnd))
                .map(busy -> {
                    List<Slot> slots = new ArrayList<>();
                    offering.forEach(site -> slots.addAll(SlotCalculator.freeSlots(site, motif, from, to, busy, now)));
                    slots.sort(Comparator.comparing((Slot s) -> s.window().start()).thenComparing(Slot::site)
                            .thenComparing(Slot::counter));
                    return slots;
                });
    }

    /** Bookings a caller may read, and the reason to log for a staff member (null for the citizen). */
    private record Reads(List<BookingEntity> bookings, String reason) {
    }

    public Uni<BookingEntity> get(UUID id, Caller caller) {
        return Panache.withSession(() -> bookings.findById(id).flatMap(booking -> {
                    if (booking == null) {
                        throw BookingAccess.noBooking(id);
                    }
                    return access.toBooking(booking, caller, BookingAccessed.READ).map(reason -> new Reads(List.of(booking), reason));
                }))
                .flatMap(reads -> logReads(reads, caller).replaceWith(reads.bookings().get(0)));
    }

    /**
     * A citizen reads the bookings of their own journey, a staff member those of a journey they have a reason for;
     * for anyone else the journey is not known here (404 journey-not-found, whether or not it has bookings).
     */
    public Uni<List<BookingEntity>> ofJourney(UUID journeyId, Caller caller) {
        return Panache.withSession(() -> access.toJourney(journeyId, caller)
                        .flatMap(granted -> bookings.ofJourney(journeyId).map(list -> new Reads(list, granted.reason()))))
                .flatMap(reads -> logReads(reads, caller).replaceWith(reads.bookings()));
    }

    /** A staff member's reads go to the citizen's access log: one outbox row per booking, in a transaction of their own. */
    private Uni<Void> logReads(Reads reads, Caller caller) {
        if (reads.reason() == null || reads.bookings().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(() -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (BookingEntity booking : reads.bookings()) {
                        chain = chain.flatMap(ignored -> access.record(booking, caller, BookingAccessed.READ, reads.reason()));
                    }
                    return chain;
                })
                .invoke(relay::publishSoon);
    }

    public Uni<List<BookingEntity>> mine(Caller caller) {
        return Panache.withSession(() -> bookings.ofOwner(caller.subject()));
    }

    /** The site's schedule, for its own agents; each booking on it is a read in its citizen's access log. */
    public Uni<List<BookingEntity>> daySheet(String siteId, LocalDate date, Caller caller) {
        if (!siteId.equals(caller.site())) {
            throw AppointmentProblems.notYourSite("a day sheet is for the agents of its own site (yours: " + caller.site() + ")");
        }
        Site site = catalogs.current().site(siteId).orElseThrow(() -> ProblemException.notFound("no site " + siteId));
        return Panache.withSession(() -> bookings.daySheet(siteId, date.atStartOfDay(site.hours().zone()).toInstant(),
                        date.plusDays(1).atStartOfDay(site.hours().zone()).toInstant()))
                .flatMap(list -> logReads(new Reads(list, BookingAccessed.SITE_SCHEDULE), caller).replaceWith(list));
    }

    // ---- hold ----------------------------------------------------------------------------------------

    /** What the checks before a hold found, read in one session. */
    private record HoldContext(BookingAccess.Granted granted, boolean duplicate, Map<String, List<TimeWindow>> busy) {
    }

    public Uni<BookingEntity> hold(HoldRequest request, Caller caller) {
        Instant now = clock.instant();
        Catalog catalog = catalogs.current();
        Motif motif = motif(catalog, request.motif());
        Site site = site(catalog, request.site());
        requireWorksAt(caller, site.id());
        if (request.counter() != null && !site.counters().contains(request.counter())) {
            throw AppointmentProblems.refused(new Rejection("unknown-counter", "no counter " + request.counter() + " at " + site.id()));
        }
        TimeWindow window = new TimeWindow(request.startsAt(), request.startsAt().plus(motif.duration()));
        // the journey must be known here and the caller's to act on (its citizen, or staff with a reason)
        return Panache.withSession(() -> access.toJourney(request.journeyId(), caller)
                        .flatMap(granted -> bookings.hasActiveForStep(request.journeyId(), request.procedureId(), request.stepId())
                                .flatMap(duplicate -> bookings.liveWindows(List.of(site.id()), window.start(), window.end())
                                        .map(busy -> new HoldContext(granted, duplicate, busy)))))
                .flatMap(context -> {
                    BookingPolicy.checkRunning(context.granted().journey().endedAt()).ifPresent(rejection -> {
                        throw AppointmentProblems.refused(rejection);
                    });
                    BookingPolicy.checkProcedure(context.granted().journey().procedureId(), request.procedureId())
                            .ifPresent(rejection -> {
                                throw AppointmentProblems.refused(rejection);
                            });
                    BookingPolicy.check(site, motif, request.procedureId(), request.stepId(), request.startsAt(), now,
                            context.duplicate()).ifPresent(rejection -> {
                                throw AppointmentProblems.refused(rejection);
                            });
                    List<String> candidates = request.counter() != null ? List.of(request.counter())
                            : site.counters().stream()
                            .filter(c -> context.busy().getOrDefault(c, List.of()).stream().noneMatch(window::overlaps)).toList();
                    if (candidates.isEmpty()) {
                        throw slotTaken(site, window);
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
                        .flatMap(ignored -> bookings.schedule(row.id, ScheduledJobEntity.HOLD_EXPIRY, null, row.holdExpiresAt))
                        .flatMap(ignored -> access.record(row, caller, BookingAccessed.HOLD, granted.reason())))
                .replaceWith(row)
                .onFailure(SqlStates::isExclusionViolation).recoverWithUni(failure -> index + 1 < candidates.size()
                        ? tryHold(request, caller, granted, site, motif, window, candidates, index + 1, now)
                        : Uni.createFrom().failure(slotTaken(site, window)))
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

    // ---- transitions ------------------------------------------------------------------------------------

    public Uni<BookingEntity> confirm(UUID id, Caller caller) {
        Instant now = clock.instant();
        return inTransaction(id, caller, BookingAccessed.CONFIRM, booking -> {
            if (booking.status == BookingStatus.CONFIRMED) {
                return Uni.createFrom().item(booking); // confirming twice is harmless
            }
            requireStatus(booking, BookingStatus.HELD);
            if (!booking.holdExpiresAt.isAfter(now)) {
                throw AppointmentProblems.refused(new Rejection(Rejection.HOLD_EXPIRED,
                        "the hold expired at " + booking.holdExpiresAt + "; hold a slot again"));
            }
            // a closure declared while the slot was held: the hold stays (it expires), but it is not confirmed
            catalogs.current().site(booking.siteId).flatMap(site -> site.hours().closureDuring(booking.window()))
                    .ifPresent(closure -> {
                        throw AppointmentProblems.refused(new Rejection(Rejection.CLOSED, booking.siteId + " closed on "
                                + closure.date() + (closure.isWholeDay() ? "" : " from " + closure.from() + " to " + closure.to())
                                + " (" + closure.reason() + ") after this slot was held; hold another slot"));
                    });
            booking.changeStatus(BookingStatus.CONFIRMED, null, now);
            return bookings.dropPendingJobs(id, "confirmed", now)
                    .flatMap(ignored -> scheduleTimers(booking, now))
                    .flatMap(ignored -> outbox.add(new AppointmentBooked(id, booking.journeyId, now, booking.siteId,
                            booking.counterId, booking.motifId, booking.procedureId, booking.stepId, booking.startsAt,
                            booking.endsAt)))
                    .invoke(() -> metrics.booked(booking.siteId, booking.motifId))
                    .replaceWith(booking);
        });
    }

    public Uni<BookingEntity> cancel(UUID id, String reason, Caller caller) {
        Instant now = clock.instant();
        String why = reason == null || reason.isBlank() ? (caller.isCitizen() ? "citizen-request" : "agent-request") : reason;
        return inTransaction(id, caller, BookingAccessed.CANCEL, booking -> {
            if (booking.status == BookingStatus.CANCELLED) {
                return Uni.createFrom().item(booking);
            }
            if (booking.status != BookingStatus.HELD && booking.status != BookingStatus.CONFIRMED) {
                throw wrongStatus(booking, "cancelled");
            }
            return cancelRow(booking, why, now);
        });
    }

    /** Cancels every active booking of a journey that ended (cancelled, abandoned), inside the caller's transaction. */
    public Uni<Void> cancelAllOfJourney(UUID journeyId, String reason) {
        Instant now = clock.instant();
        return bookings.activeOfJourneyForUpdate(journeyId).flatMap(list -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (BookingEntity booking : list) {
                chain = chain.flatMap(ignored -> cancelRow(booking, reason, now).replaceWithVoid());
            }
            return chain;
        });
    }

    /**
     * A step done without its appointment (the citizen came early as a walk-in, or another channel did it): the
     * step's bookings still ahead are released, so the slot goes back to others and no no-show follows.
     */
    public Uni<Void> cancelOfStep(UUID journeyId, String stepId, String reason) {
        Instant now = clock.instant();
        return bookings.activeOfJourneyForUpdate(journeyId).flatMap(list -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (BookingEntity booking : list) {
                if (stepId.equals(booking.stepId) && booking.startsAt.isAfter(now)) {
                    chain = chain.flatMap(ignored -> cancelRow(booking, reason, now).replaceWithVoid());
                }
            }
            return chain;
        });
    }

    private Uni<BookingEntity> cancelRow(BookingEntity booking, String why, Instant now) {
        boolean wasConfirmed = booking.status == BookingStatus.CONFIRMED;
        booking.changeStatus(BookingStatus.CANCELLED, why, now);
        Uni<Void> change = bookings.dropPendingJobs(booking.id, "cancelled", now);
        if (wasConfirmed) {
            change = change.flatMap(ignored -> outbox.add(new AppointmentCancelled(booking.id, booking.journeyId, now,
                            booking.siteId, booking.counterId, booking.motifId, booking.procedureId, booking.stepId,
                            booking.startsAt, booking.endsAt, why)))
                    .invoke(() -> metrics.cancelled(booking.siteId, booking.motifId));
        }
        return change.replaceWith(booking);
    }

    public Uni<BookingEntity> reschedule(UUID id, String newSiteId, Instant newStart, Caller caller) {
        Instant now = clock.instant();
        Catalog catalog = catalogs.current();
        return inTransaction(id, caller, BookingAccessed.RESCHEDULE, booking -> {
            if (booking.status != BookingStatus.HELD && booking.status != BookingStatus.CONFIRMED) {
                throw wrongStatus(booking, "rescheduled");
            }
            Motif motif = motif(catalog, booking.motifId);
            Site site = site(catalog, newSiteId == null ? booking.siteId : newSiteId);
            requireWorksAt(caller, site.id());
            BookingPolicy.check(site, motif, booking.procedureId, booking.stepId, newStart, now, false)
                    .ifPresent(rejection -> {
                        throw AppointmentProblems.refused(rejection);
                    });
            TimeWindow window = new TimeWindow(newStart, newStart.plus(motif.duration()));
            TimeWindow previous = booking.window();
            String previousSite = booking.siteId;
            String previousCounter = booking.counterId;
            return bookings.liveWindows(List.of(site.id()), window.start(), window.end()).flatMap(busy -> {
                String counter = site.counters().stream()
                        .filter(c -> busy.getOrDefault(c, List.of()).stream()
                                .filter(w -> !(c.equals(previousCounter) && w.equals(previous)))
                                .noneMatch(window::overlaps))
                        .findFirst().orElseThrow(() -> slotTaken(site, window));
                return bookings.lockCounter(counter).flatMap(locked -> {
                    booking.moveTo(site.id(), counter, window, now);
                    // flushed under the counter's lock: the exclusion constraint answers here
                    return Panache.flush();
                }).flatMap(flushed -> booking.status != BookingStatus.CONFIRMED ? Uni.createFrom().item(booking)
                        : bookings.dropPendingJobs(id, "rescheduled", now)
                        .flatMap(ignored -> scheduleTimers(booking, now))
                        .flatMap(ignored -> outbox.add(new AppointmentRescheduled(id, booking.journeyId, now,
                                site.id(), counter, booking.motifId, booking.procedureId, booking.stepId,
                                window.start(), window.end(), previousSite, previous.start(), previous.end())))
                        .replaceWith(booking));
            });
        }).onFailure(SqlStates::isExclusionViolation).transform(failure -> AppointmentProblems.refused(
                new Rejection(Rejection.SLOT_TAKEN, "that slot was taken meanwhile; choose another")));
    }

    /** Check-in at the desk by booking id; the agent must work at the booking's site. */
    public Uni<BookingEntity> checkIn(UUID id, Caller caller) {
        return inTransaction(id, caller, BookingAccessed.CHECK_IN, booking -> {
            if (!booking.siteId.equals(caller.site())) {
                throw AppointmentProblems.notYourSite("check-in happens at the booking's site (" + booking.siteId + ")");
            }
            return checkIn(booking);
        });
    }

    /**
     * Check-in at the desk by journey: the gateway resolved the citizen's resume code through journey-service
     * and passes the journey id; the booking is the journey's confirmed one at the agent's site, today.
     */
    public Uni<BookingEntity> checkInJourney(UUID journeyId, Caller caller) {
        Instant now = clock.instant();
        if (caller.site() == null) {
            throw ProblemException.forbidden("only an agent with a site checks citizens in");
        }
        return Panache.withTransaction(() -> bookings.checkInCandidates(journeyId, caller.site(),
                        now.minus(Duration.ofHours(12)), now.plus(Duration.ofHours(12)))
                .flatMap(candidates -> {
                    BookingEntity booking = candidates.stream()
                            .filter(b -> noShows.mayCheckIn(b.status, b.startsAt, b.endsAt, now)).findFirst()
                            .orElseThrow(() -> candidates.isEmpty()
                                    ? ProblemException.notFound("no confirmed appointment for this journey at " + caller.site() + " today")
                                    : AppointmentProblems.refused(new Rejection(Rejection.NOT_CHECK_IN_TIME,
                                    "check-in opens " + noShows.earlyCheckIn().toMinutes() + " min before "
                                            + candidates.get(0).startsAt)));
                    // the site's agent checks in the citizen standing at the desk: that is the reason logged
                    return checkIn(booking).flatMap(checkedIn -> access.record(checkedIn, caller, BookingAccessed.CHECK_IN,
                            BookingAccessed.DESK_CHECK_IN).replaceWith(checkedIn));
                }))
                .invoke(relay::publishSoon);
    }

    private Uni<BookingEntity> checkIn(BookingEntity booking) {
        Instant now = clock.instant();
        if (booking.status == BookingStatus.CHECKED_IN) {
            return Uni.createFrom().item(booking);
        }
        if (!noShows.mayCheckIn(booking.status, booking.startsAt, booking.endsAt, now)) {
            throw booking.status != BookingStatus.CONFIRMED ? wrongStatus(booking, "checked in")
                    : AppointmentProblems.refused(new Rejection(Rejection.NOT_CHECK_IN_TIME, "check-in is open from "
                    + booking.startsAt.minus(noShows.earlyCheckIn()) + " to " + booking.endsAt.plus(noShows.grace())));
        }
        booking.changeStatus(BookingStatus.CHECKED_IN, null, now);
        return bookings.dropPendingJobs(booking.id, "checked-in", now)
                .flatMap(ignored -> outbox.add(new AppointmentCheckedIn(booking.id, booking.journeyId, now,
                        booking.siteId, booking.counterId, booking.motifId, booking.procedureId, booking.stepId,
                        booking.startsAt, booking.endsAt)))
                .invoke(() -> metrics.checkedIn(booking.siteId, booking.motifId))
                .replaceWith(booking);
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    /**
     * Loads the booking locked (FOR UPDATE), checks the caller may act on it ({@link BookingAccess}: 404 if not; then
     * a counter agent only at their site), applies the change, writes a staff member's access to the outbox, commits,
     * publishes.
     */
    private Uni<BookingEntity> inTransaction(UUID id, Caller caller, String action,
                                             Function<BookingEntity, Uni<BookingEntity>> change) {
        return Panache.withTransaction(() -> bookings.findForUpdate(id).flatMap(booking -> {
                    if (booking == null) {
                        throw BookingAccess.noBooking(id);
                    }
                    return access.toBooking(booking, caller, action).flatMap(reason -> {
                        requireWorksAt(caller, booking.siteId);
                        return change.apply(booking)
                                .flatMap(changed -> access.record(changed, caller, action, reason).replaceWith(changed));
                    });
                }))
                .invoke(relay::publishSoon);
    }

    private Uni<Void> scheduleTimers(BookingEntity booking, Instant now) {
        Uni<Void> chain = bookings.schedule(booking.id, ScheduledJobEntity.NO_SHOW, null, noShows.checkAt(booking.startsAt));
        for (Reminders.Due due : Reminders.schedule(booking.startsAt, now)) {
            chain = chain.flatMap(ignored -> bookings.schedule(booking.id, ScheduledJobEntity.REMINDER, due.code(), due.at()));
        }
        return chain;
    }

    /** A counter agent books and acts only at their own site; other callers are not bound to a site. */
    static void requireWorksAt(Caller caller, String siteId) {
        if (!caller.isSiteBound()) {
            return;
        }
        if (caller.site() == null || caller.site().isBlank()) {
            throw AppointmentProblems.notYourSite("your token carries no site: a counter agent books and acts only at the site they work at");
        }
        if (!caller.site().equals(siteId)) {
            throw AppointmentProblems.notYourSite("a counter agent books and acts only at their own site (" + caller.site()
                    + "), not at " + siteId + "; a phone agent or a mediator can book there for the citizen");
        }
    }

    private static Motif motif(Catalog catalog, String id) {
        return catalog.motif(id).orElseThrow(() -> AppointmentProblems.refused(
                new Rejection(Rejection.UNKNOWN_MOTIF, "no motif " + id + "; known: " + catalog.motifs().keySet())));
    }

    private static Site site(Catalog catalog, String id) {
        return catalog.site(id).orElseThrow(() -> AppointmentProblems.refused(
                new Rejection(Rejection.UNKNOWN_SITE, "no site " + id)));
    }

    private static void requireStatus(BookingEntity booking, BookingStatus expected) {
        if (booking.status != expected) {
            throw wrongStatus(booking, "changed");
        }
    }

    private static ProblemException wrongStatus(BookingEntity booking, String action) {
        return AppointmentProblems.refused(new Rejection(Rejection.WRONG_STATUS,
                "a " + booking.status.name().toLowerCase() + " booking cannot be " + action));
    }

    private static ProblemException slotTaken(Site site, TimeWindow window) {
        return AppointmentProblems.refused(new Rejection(Rejection.SLOT_TAKEN,
                "no counter of " + site.id() + " is free at " + window.start() + "; choose another slot"));
    }
}
