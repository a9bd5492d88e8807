package fr.relais.appointment.service;

import fr.relais.appointment.domain.BookingStatus;
import fr.relais.appointment.domain.Closure;
import fr.relais.appointment.domain.Site;
import fr.relais.appointment.domain.TimeWindow;
import fr.relais.appointment.persistence.BookingRepository;
import fr.relais.appointment.persistence.ClosureEntity;
import fr.relais.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * Exceptional closures of a site, declared by an administrator. A new closure takes its slots out of
 * availability at once (the catalogue is refreshed before the answer). Bookings already inside it are NOT
 * cancelled or moved: they are listed in the answer, so that an agent calls each citizen and reschedules or
 * cancels with them. Until then they stay as they are (a hold inside a closure can no longer be confirmed).
 */
@ApplicationScoped
public class ClosureService {

    public static final int MAX_REASON_LENGTH = 200;

    @Inject
    CatalogCache catalog;

    @Inject
    BookingRepository bookings;

    @Inject
    Clock clock;

    /** @param affectedBookingIds live bookings (held, confirmed, checked in) overlapping the closure, earliest first */
    public record Created(Closure closure, String siteId, List<UUID> affectedBookingIds) {
    }

    public Uni<Created> close(String siteId, LocalDate date, LocalTime from, LocalTime to, String reason) {
        Site site = site(siteId);
        if ((from == null) != (to == null)) {
            throw ProblemException.invalid("give both from and to (HH:mm) for part of a day, or neither for the whole day");
        }
        if (from != null && !from.isBefore(to)) {
            throw ProblemException.invalid("the closure must end after it starts: from " + from + " to " + to);
        }
        LocalDate today = clock.instant().atZone(site.hours().zone()).toLocalDate();
        if (date.isBefore(today)) {
            throw ProblemException.invalid("a closure cannot be declared in the past (" + date + "; today is " + today + ")");
        }
        if (reason == null || reason.isBlank() || reason.strip().length() > MAX_REASON_LENGTH) {
            throw ProblemException.invalid("reason is required (at most " + MAX_REASON_LENGTH + " characters)");
        }
        Closure closure = new Closure(UUID.randomUUID(), date, from, to, reason.strip());
        TimeWindow closed = closure.window(site.hours().zone());
        ClosureEntity row = new ClosureEntity();
        row.id = closure.id();
        row.siteId = site.id();
        row.day = date;
        row.fromTime = from;
        row.toTime = to;
        row.reason = closure.reason();
        row.createdAt = clock.instant();
        return Panache.withTransaction(() -> row.persist()
                        .flatMap(ignored -> bookings.list("siteId = ?1 and status in ?2 and startsAt < ?3 and endsAt > ?4 order by startsAt",
                                site.id(), List.copyOf(BookingStatus.LIVE), closed.end(), closed.start())))
                .map(affected -> new Created(closure, site.id(), affected.stream().map(b -> b.id).toList()))
                .call(created -> catalog.refresh());
    }

    public Uni<Void> reopen(String siteId, UUID closureId) {
        Site site = site(siteId);
        return Panache.withTransaction(() -> ClosureEntity.delete("id = ?1 and siteId = ?2", closureId, site.id()))
                .invoke(deleted -> {
                    if (deleted == 0) {
                        throw ProblemException.notFound("no closure " + closureId + " at " + site.id());
                    }
                })
                .call(deleted -> catalog.refresh())
                .replaceWithVoid();
    }

    /** The site's closures from today on. */
    public List<Closure> upcoming(String siteId) {
        Site site = site(siteId);
        LocalDate today = clock.instant().atZone(site.hours().zone()).toLocalDate();
        return site.hours().closures().stream().filter(c -> !c.date().isBefore(today)).toList();
    }

    private Site site(String siteId) {
        return catalog.current().site(siteId).orElseThrow(() -> new ProblemException(404, "unknown-site", "Unknown site",
                "no site " + siteId + "; known: " + catalog.current().sites().keySet()));
    }
}
