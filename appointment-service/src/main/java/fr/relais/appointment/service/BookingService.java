package fr.relais.appointment.service;

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
import fr.relais.appointment.messaging.Outbox;
import fr.relais.appointment.messaging.OutboxRelay;
import fr.relais.appointment.persistence.BookingRepository;
import fr.relais.appointment.persistence.BookingRow;
import fr.relais.appointment.persistence.Catalog;
import fr.relais.appointment.persistence.CatalogRepository;
import fr.relais.events.appointment.AppointmentBooked;
import fr.relais.events.appointment.AppointmentCancelled;
import fr.relais.events.appointment.AppointmentCheckedIn;
import fr.relais.events.appointment.AppointmentRescheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Holds, confirms, cancels, reschedules and checks in bookings. Each change commits with its outbox
 * events and timers in one transaction; PostgreSQL's exclusion constraint, not this class, is what makes
 * double booking impossible (this class only turns its refusal into a precise answer).
 */
@ApplicationScoped
public class BookingService {

    /** The longest range one availability query may cover. */
    public static final int MAX_RANGE_DAYS = 31;

    @Inject
    Pool pool;

    @Inject
    CatalogRepository catalogs;

    @Inject
    BookingRepository bookings;

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    AppointmentMetrics metrics;

    @Inject
    Clock clock;

    public record HoldRequest(UUID journeyId, String procedureId, String stepId, String motif, String site,
                              Instant startsAt, String counter) {
    }

    // ---- reads -------------------------------------------------------------------------------------

    public Uni<List<Slot>> availability(String motifId, List<String> siteIds, String department, LocalDate from, LocalDate to) {
        if (to.isBefore(from) || from.plusDays(MAX_RANGE_DAYS).isBefore(to)) {
            throw AppointmentProblem.invalid("the date range must run forwards and cover at most " + MAX_RANGE_DAYS + " days");
        }
        Instant now = clock.instant();
        return catalogs.load().flatMap(catalog -> {
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
            return bookings.liveWindows(pool, offering.stream().map(Site::id).toList(), windowStart, windowEnd)
                    .map(busy -> {
                        List<Slot> slots = new ArrayList<>();
                        offering.forEach(site -> slots.addAll(SlotCalculator.freeSlots(site, motif, from, to, busy, now)));
                        slots.sort(java.util.Comparator.comparing((Slot s) -> s.window().start()).thenComparing(Slot::site)
                                .thenComparing(Slot::counter));
                        return slots;
                    });
        });
    }

    public Uni<BookingRow> get(UUID id, Caller caller) {
        return bookings.find(pool, id).map(found -> {
            BookingRow booking = found.orElseThrow(() -> AppointmentProblem.notFound("no booking " + id));
            authorize(booking, caller);
            return booking;
        });
    }

    public Uni<List<BookingRow>> ofJourney(UUID journeyId, Caller caller) {
        return bookings.ofJourney(pool, journeyId).map(list -> {
            list.forEach(b -> authorize(b, caller));
            return list;
        });
    }

    public Uni<List<BookingRow>> mine(Caller caller) {
        return bookings.ofOwner(pool, caller.subject());
    }

    public Uni<List<BookingRow>> daySheet(String siteId, LocalDate date, Caller caller) {
        if (!siteId.equals(caller.site())) {
            throw AppointmentProblem.forbidden("a day sheet is for the agents of its own site");
        }
        return catalogs.load().flatMap(catalog -> {
            Site site = catalog.site(siteId).orElseThrow(() -> AppointmentProblem.notFound("no site " + siteId));
            return bookings.daySheet(pool, siteId, date.atStartOfDay(site.hours().zone()).toInstant(),
                    date.plusDays(1).atStartOfDay(site.hours().zone()).toInstant());
        });
    }

    // ---- hold ----------------------------------------------------------------------------------------

    public Uni<BookingRow> hold(HoldRequest request, Caller caller) {
        Instant now = clock.instant();
        return catalogs.load().flatMap(catalog -> {
            Motif motif = motif(catalog, request.motif());
            Site site = site(catalog, request.site());
            if (request.counter() != null && !site.counters().contains(request.counter())) {
                throw AppointmentProblem.refused(new Rejection("unknown-counter", "no counter " + request.counter() + " at " + site.id()));
            }
            TimeWindow window = new TimeWindow(request.startsAt(), request.startsAt().plus(motif.duration()));
            return checkOwnership(request.journeyId(), caller)
                    .flatMap(ignored -> bookings.hasActiveForStep(pool, request.journeyId(), request.procedureId(), request.stepId(), null))
                    .flatMap(duplicate -> {
                        BookingPolicy.check(site, motif, request.procedureId(), request.stepId(), request.startsAt(), now, duplicate)
                                .ifPresent(rejection -> {
                                    throw AppointmentProblem.refused(rejection);
                                });
                        return bookings.liveWindows(pool, List.of(site.id()), window.start(), window.end());
                    })
                    .flatMap(busy -> {
                        List<String> candidates = request.counter() != null ? List.of(request.counter())
                                : site.counters().stream()
                                .filter(c -> busy.getOrDefault(c, List.of()).stream().noneMatch(window::overlaps)).toList();
                        if (candidates.isEmpty()) {
                            throw slotTaken(site, window);
                        }
                        return tryHold(request, caller, site, motif, window, candidates, 0, now);
                    });
        });
    }

    /** One transaction per candidate counter: the constraint refuses a counter taken meanwhile, the next is tried. */
    private Uni<BookingRow> tryHold(HoldRequest request, Caller caller, Site site, Motif motif, TimeWindow window,
                                    List<String> candidates, int index, Instant now) {
        BookingRow row = new BookingRow(UUID.randomUUID(), request.journeyId(), request.procedureId(), request.stepId(),
                motif.id(), site.id(), candidates.get(index), window.start(), window.end(), BookingStatus.HELD,
                now.plus(BookingPolicy.HOLD_DURATION), caller.isCitizen() ? caller.subject() : null, caller.subject(),
                caller.actingRole(), null);
        return pool.withTransaction(connection -> bookings.insert(connection, row)
                        .flatMap(ignored -> bookings.schedule(connection, row.id(), "HOLD_EXPIRY", null, row.holdExpiresAt())))
                .replaceWith(row)
                .onFailure(BookingService::isExclusionViolation).recoverWithUni(failure -> index + 1 < candidates.size()
                        ? tryHold(request, caller, site, motif, window, candidates, index + 1, now)
                        : Uni.createFrom().failure(slotTaken(site, window)))
                .onFailure(BookingService::isUniqueViolation).transform(failure -> AppointmentProblem.refused(new Rejection(
                        Rejection.DUPLICATE_STEP, "the journey already has an active booking for step " + request.stepId())));
    }

    // ---- transitions ------------------------------------------------------------------------------------

    public Uni<BookingRow> confirm(UUID id, Caller caller) {
        Instant now = clock.instant();
        return inTransaction(id, caller, (connection, booking) -> {
            if (booking.status() == BookingStatus.CONFIRMED) {
                return Uni.createFrom().item(booking); // confirming twice is harmless
            }
            requireStatus(booking, BookingStatus.HELD);
            if (!booking.holdExpiresAt().isAfter(now)) {
                throw AppointmentProblem.refused(new Rejection(Rejection.HOLD_EXPIRED,
                        "the hold expired at " + booking.holdExpiresAt() + "; hold a slot again"));
            }
            BookingRow confirmed = with(booking, BookingStatus.CONFIRMED);
            return bookings.setStatus(connection, id, BookingStatus.CONFIRMED, null)
                    .flatMap(ignored -> bookings.dropPendingJobs(connection, id, "confirmed"))
                    .flatMap(ignored -> scheduleTimers(connection, confirmed, now))
                    .flatMap(ignored -> outbox.add(connection, new AppointmentBooked(id, booking.journeyId(), now, booking.siteId(),
                            booking.counterId(), booking.motifId(), booking.procedureId(), booking.stepId(), booking.startsAt(),
                            booking.endsAt())))
                    .invoke(() -> metrics.booked(booking.siteId(), booking.motifId()))
                    .replaceWith(confirmed);
        });
    }

    public Uni<BookingRow> cancel(UUID id, String reason, Caller caller) {
        Instant now = clock.instant();
        String why = reason == null || reason.isBlank() ? (caller.isCitizen() ? "citizen-request" : "agent-request") : reason;
        return inTransaction(id, caller, (connection, booking) -> {
            if (booking.status() == BookingStatus.CANCELLED) {
                return Uni.createFrom().item(booking);
            }
            if (booking.status() != BookingStatus.HELD && booking.status() != BookingStatus.CONFIRMED) {
                throw wrongStatus(booking, "cancelled");
            }
            return cancelRow(connection, booking, why, now);
        });
    }

    /** Cancels every active booking of a journey that ended (cancelled, abandoned), inside the caller's transaction. */
    public Uni<Void> cancelAllOfJourney(SqlClient connection, UUID journeyId, String reason) {
        Instant now = clock.instant();
        return connection.preparedQuery("select * from booking where journey_id = $1 and status in ('HELD', 'CONFIRMED') for update")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(journeyId))
                .flatMap(rows -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (io.vertx.mutiny.sqlclient.Row row : rows) {
                        BookingRow booking = BookingRow.from(row);
                        chain = chain.flatMap(ignored -> cancelRow(connection, booking, reason, now).replaceWithVoid());
                    }
                    return chain;
                });
    }

    private Uni<BookingRow> cancelRow(SqlClient connection, BookingRow booking, String why, Instant now) {
        UUID id = booking.id();
        Uni<Void> change = bookings.setStatus(connection, id, BookingStatus.CANCELLED, why)
                .flatMap(ignored -> bookings.dropPendingJobs(connection, id, "cancelled"));
        if (booking.status() == BookingStatus.CONFIRMED) {
            change = change.flatMap(ignored -> outbox.add(connection, new AppointmentCancelled(id, booking.journeyId(), now,
                            booking.siteId(), booking.counterId(), booking.motifId(), booking.procedureId(), booking.stepId(),
                            booking.startsAt(), booking.endsAt(), why)))
                    .invoke(() -> metrics.cancelled(booking.siteId(), booking.motifId()));
        }
        return change.replaceWith(with(booking, BookingStatus.CANCELLED));
    }

    public Uni<BookingRow> reschedule(UUID id, String newSiteId, Instant newStart, Caller caller) {
        Instant now = clock.instant();
        return catalogs.load().flatMap(catalog -> inTransaction(id, caller, (connection, booking) -> {
            if (booking.status() != BookingStatus.HELD && booking.status() != BookingStatus.CONFIRMED) {
                throw wrongStatus(booking, "rescheduled");
            }
            Motif motif = motif(catalog, booking.motifId());
            Site site = site(catalog, newSiteId == null ? booking.siteId() : newSiteId);
            BookingPolicy.check(site, motif, booking.procedureId(), booking.stepId(), newStart, now, false)
                    .ifPresent(rejection -> {
                        throw AppointmentProblem.refused(rejection);
                    });
            TimeWindow window = new TimeWindow(newStart, newStart.plus(motif.duration()));
            return bookings.liveWindows(connection, List.of(site.id()), window.start(), window.end()).flatMap(busy -> {
                String counter = site.counters().stream()
                        .filter(c -> busy.getOrDefault(c, List.of()).stream()
                                .filter(w -> !(c.equals(booking.counterId()) && w.equals(booking.window())))
                                .noneMatch(window::overlaps))
                        .findFirst().orElseThrow(() -> slotTaken(site, window));
                BookingRow moved = new BookingRow(id, booking.journeyId(), booking.procedureId(), booking.stepId(),
                        booking.motifId(), site.id(), counter, window.start(), window.end(), booking.status(),
                        booking.holdExpiresAt(), booking.ownerSubject(), booking.bookedBySubject(), booking.bookedByRole(), null);
                Uni<Void> change = bookings.move(connection, id, site.id(), counter, window.start(), window.end());
                if (booking.status() == BookingStatus.CONFIRMED) {
                    change = change.flatMap(ignored -> bookings.dropPendingJobs(connection, id, "rescheduled"))
                            .flatMap(ignored -> scheduleTimers(connection, moved, now))
                            .flatMap(ignored -> outbox.add(connection, new AppointmentRescheduled(id, booking.journeyId(), now,
                                    site.id(), counter, booking.motifId(), booking.procedureId(), booking.stepId(),
                                    window.start(), window.end(), booking.siteId(), booking.startsAt(), booking.endsAt())));
                }
                return change.replaceWith(moved);
            });
        })).onFailure(BookingService::isExclusionViolation).transform(failure -> AppointmentProblem.refused(
                new Rejection(Rejection.SLOT_TAKEN, "that slot was taken meanwhile; choose another")));
    }

    /** Check-in at the desk by booking id; the agent must work at the booking's site. */
    public Uni<BookingRow> checkIn(UUID id, Caller caller) {
        return inTransaction(id, caller, (connection, booking) -> {
            if (!booking.siteId().equals(caller.site())) {
                throw AppointmentProblem.forbidden("check-in happens at the booking's site (" + booking.siteId() + ")");
            }
            return checkIn(connection, booking);
        });
    }

    /**
     * Check-in at the desk by journey: the gateway resolved the citizen's resume code through journey-service
     * and passes the journey id; the booking is the journey's confirmed one at the agent's site, today.
     */
    public Uni<BookingRow> checkInJourney(UUID journeyId, Caller caller) {
        Instant now = clock.instant();
        if (caller.site() == null) {
            throw AppointmentProblem.forbidden("only an agent with a site checks citizens in");
        }
        return pool.withTransaction(connection -> bookings.checkInCandidates(connection, journeyId, caller.site(),
                        now.minus(Duration.ofHours(12)), now.plus(Duration.ofHours(12)))
                .flatMap(candidates -> {
                    BookingRow booking = candidates.stream()
                            .filter(b -> NoShows.mayCheckIn(b.status(), b.startsAt(), b.endsAt(), now)).findFirst()
                            .orElseThrow(() -> candidates.isEmpty()
                                    ? AppointmentProblem.notFound("no confirmed appointment for this journey at " + caller.site() + " today")
                                    : AppointmentProblem.refused(new Rejection(Rejection.NOT_CHECK_IN_TIME,
                                    "check-in opens " + NoShows.EARLY_CHECK_IN.toMinutes() + " min before "
                                            + candidates.get(0).startsAt())));
                    return checkIn(connection, booking);
                }))
                .invoke(relay::publishSoon);
    }

    private Uni<BookingRow> checkIn(SqlClient connection, BookingRow booking) {
        Instant now = clock.instant();
        if (booking.status() == BookingStatus.CHECKED_IN) {
            return Uni.createFrom().item(booking);
        }
        if (!NoShows.mayCheckIn(booking.status(), booking.startsAt(), booking.endsAt(), now)) {
            throw booking.status() != BookingStatus.CONFIRMED ? wrongStatus(booking, "checked in")
                    : AppointmentProblem.refused(new Rejection(Rejection.NOT_CHECK_IN_TIME, "check-in is open from "
                    + booking.startsAt().minus(NoShows.EARLY_CHECK_IN) + " to " + booking.endsAt().plus(NoShows.GRACE)));
        }
        return bookings.setStatus(connection, booking.id(), BookingStatus.CHECKED_IN, null)
                .flatMap(ignored -> bookings.dropPendingJobs(connection, booking.id(), "checked-in"))
                .flatMap(ignored -> outbox.add(connection, new AppointmentCheckedIn(booking.id(), booking.journeyId(), now,
                        booking.siteId(), booking.counterId(), booking.motifId(), booking.procedureId(), booking.stepId(),
                        booking.startsAt(), booking.endsAt())))
                .invoke(() -> metrics.checkedIn(booking.siteId(), booking.motifId()))
                .replaceWith(with(booking, BookingStatus.CHECKED_IN));
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    private interface Change {
        Uni<BookingRow> apply(SqlClient connection, BookingRow booking);
    }

    private Uni<BookingRow> inTransaction(UUID id, Caller caller, Change change) {
        return pool.withTransaction(connection -> bookings.findForUpdate(connection, id).flatMap(found -> {
                    BookingRow booking = found.orElseThrow(() -> AppointmentProblem.notFound("no booking " + id));
                    authorize(booking, caller);
                    return change.apply(connection, booking);
                }))
                .invoke(relay::publishSoon);
    }

    private Uni<Void> scheduleTimers(SqlClient connection, BookingRow booking, Instant now) {
        Uni<Void> chain = bookings.schedule(connection, booking.id(), "NO_SHOW", null, NoShows.checkAt(booking.startsAt()));
        for (Reminders.Due due : Reminders.schedule(booking.startsAt(), now)) {
            chain = chain.flatMap(ignored -> bookings.schedule(connection, booking.id(), "REMINDER", due.code(), due.at()));
        }
        return chain;
    }

    /** Citizens act only on bookings they made; booking staff act on any citizen's booking (journey as context). */
    static void authorize(BookingRow booking, Caller caller) {
        if (caller.isBookingStaff()) {
            return;
        }
        if (caller.isCitizen() && caller.subject().equals(booking.ownerSubject())) {
            return;
        }
        throw AppointmentProblem.forbidden("this booking belongs to another citizen's journey");
    }

    /** A citizen books only for a journey that is theirs, as far as this service knows (journey.events, earlier bookings). */
    private Uni<Void> checkOwnership(UUID journeyId, Caller caller) {
        if (!caller.isCitizen()) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery("select owner_subject from journey_owner where journey_id = $1"
                        + " union select owner_subject from booking where journey_id = $1 and owner_subject is not null")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(journeyId))
                .invoke(rows -> rows.forEach(row -> {
                    if (!caller.subject().equals(row.getString("owner_subject"))) {
                        throw AppointmentProblem.forbidden("this journey belongs to another citizen");
                    }
                })).replaceWithVoid();
    }

    private static Motif motif(Catalog catalog, String id) {
        return catalog.motif(id).orElseThrow(() -> AppointmentProblem.refused(
                new Rejection(Rejection.UNKNOWN_MOTIF, "no motif " + id + "; known: " + catalog.motifs().keySet())));
    }

    private static Site site(Catalog catalog, String id) {
        return catalog.site(id).orElseThrow(() -> AppointmentProblem.refused(
                new Rejection(Rejection.UNKNOWN_SITE, "no site " + id)));
    }

    private static void requireStatus(BookingRow booking, BookingStatus expected) {
        if (booking.status() != expected) {
            throw wrongStatus(booking, "changed");
        }
    }

    private static AppointmentProblem wrongStatus(BookingRow booking, String action) {
        return AppointmentProblem.refused(new Rejection(Rejection.WRONG_STATUS,
                "a " + booking.status().name().toLowerCase() + " booking cannot be " + action));
    }

    private static AppointmentProblem slotTaken(Site site, TimeWindow window) {
        return AppointmentProblem.refused(new Rejection(Rejection.SLOT_TAKEN,
                "no counter of " + site.id() + " is free at " + window.start() + "; choose another slot"));
    }

    static BookingRow with(BookingRow b, BookingStatus status) {
        return new BookingRow(b.id(), b.journeyId(), b.procedureId(), b.stepId(), b.motifId(), b.siteId(), b.counterId(),
                b.startsAt(), b.endsAt(), status, status == BookingStatus.HELD ? b.holdExpiresAt() : null,
                b.ownerSubject(), b.bookedBySubject(), b.bookedByRole(), b.cancelReason());
    }

    static boolean isExclusionViolation(Throwable failure) {
        return sqlState(failure).equals(BookingRepository.EXCLUSION_VIOLATION);
    }

    static boolean isUniqueViolation(Throwable failure) {
        return sqlState(failure).equals(BookingRepository.UNIQUE_VIOLATION);
    }

    private static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && pg.getSqlState() != null) {
                return pg.getSqlState();
            }
        }
        return "";
    }

}
