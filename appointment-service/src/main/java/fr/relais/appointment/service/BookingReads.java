package fr.relais.appointment.service;

import fr.relais.appointment.domain.Motif;
import fr.relais.appointment.domain.Site;
import fr.relais.appointment.domain.Slot;
import fr.relais.appointment.domain.SlotCalculator;
import fr.relais.appointment.persistence.BookingEntity;
import fr.relais.appointment.persistence.BookingRepository;
import fr.relais.appointment.persistence.Catalog;
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
import java.util.UUID;

/**
 * Free slots and bookings, as their readers may see them ({@link BookingAccess}). A staff member's read of a
 * booking goes to its citizen's access log: one outbox row per booking, in a small transaction after the read.
 */
@ApplicationScoped
public class BookingReads {

    /** The longest range one availability query may cover. */
    public static final int MAX_RANGE_DAYS = 31;

    @Inject
    Clock clock;

    @Inject
    CatalogCache catalogs;

    @Inject
    BookingRepository bookings;

    @Inject
    BookingAccess access;

    @Inject
    BookingChanges changes;

    /** Bookings a caller may read, and the reason to log for a staff member (null for the citizen). */
    private record Reads(List<BookingEntity> bookings, String reason) {
    }

    public Uni<List<Slot>> availability(String motifId, List<String> siteIds, String department, LocalDate from, LocalDate to) {
        if (to.isBefore(from) || from.plusDays(MAX_RANGE_DAYS).isBefore(to)) {
            throw ProblemException.invalid("the date range must run forwards and cover at most " + MAX_RANGE_DAYS + " days");
        }
        Instant now = clock.instant();
        Catalog catalog = catalogs.current();
        Motif motif = CatalogLookup.motif(catalog, motifId);
        List<Site> sites = new ArrayList<>();
        if (siteIds != null && !siteIds.isEmpty()) {
            siteIds.forEach(id -> sites.add(CatalogLookup.site(catalog, id)));
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

    /** A staff member's reads go to the citizen's access log: one outbox row per booking, in a transaction of their own. */
    private Uni<Void> logReads(Reads reads, Caller caller) {
        if (reads.reason() == null || reads.bookings().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return changes.committed(() -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (BookingEntity booking : reads.bookings()) {
                chain = chain.flatMap(ignored -> access.record(booking, caller, BookingAccessed.READ, reads.reason()));
            }
            return chain;
        });
    }
}
