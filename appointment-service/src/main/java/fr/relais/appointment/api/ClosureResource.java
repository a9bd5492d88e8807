package fr.relais.appointment.api;

import fr.relais.appointment.domain.Closure;
import fr.relais.appointment.service.Caller;
import fr.relais.appointment.service.ClosureService;
import fr.relais.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * Exceptional closures of a site (administrators). A closure takes its slots out of availability at once;
 * bookings already inside it are kept and listed in the answer ({@code affectedBookingIds}), for an agent
 * to call each citizen: nothing is cancelled behind their back.
 */
@Path("/sites/{siteId}/closures")
public class ClosureResource {

    public static final String ADMIN = "admin";
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    @Inject
    ClosureService closures;

    /** @param date YYYY-MM-DD; @param from and @param to HH:mm local time, both or neither (whole day) */
    public record ClosureBody(String date, String from, String to, String reason) {
    }

    /** @param from and @param to HH:mm, local time of the site; null for a whole day */
    public record ClosureView(UUID id, String site, LocalDate date, String from, String to, boolean wholeDay, String reason) {
        static ClosureView of(String site, Closure c) {
            return new ClosureView(c.id(), site, c.date(), hhmm(c.from()), hhmm(c.to()), c.isWholeDay(), c.reason());
        }
    }

    /** The closure, and the live bookings inside it that an agent must now handle with each citizen. */
    public record ClosureCreated(UUID id, String site, LocalDate date, String from, String to, boolean wholeDay,
                                 String reason, List<UUID> affectedBookingIds) {
    }

    @POST
    @RolesAllowed(ADMIN)
    public Uni<Response> close(@PathParam("siteId") String siteId, ClosureBody body) {
        if (body == null) {
            throw ProblemException.invalid("a body is required: {date, from?, to?, reason}");
        }
        LocalDate date = parse(body.date(), "date", "YYYY-MM-DD", LocalDate::parse);
        if (date == null) {
            throw ProblemException.invalid("date is required (YYYY-MM-DD)");
        }
        LocalTime from = parse(body.from(), "from", "HH:mm", LocalTime::parse);
        LocalTime to = parse(body.to(), "to", "HH:mm", LocalTime::parse);
        return closures.close(siteId, date, from, to, body.reason())
                .map(created -> {
                    Closure c = created.closure();
                    return Response.status(201).header("Location", "/sites/" + created.siteId() + "/closures/" + c.id())
                            .entity(new ClosureCreated(c.id(), created.siteId(), c.date(), hhmm(c.from()), hhmm(c.to()), c.isWholeDay(),
                                    c.reason(), created.affectedBookingIds()))
                            .build();
                });
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(ADMIN)
    public Uni<Response> reopen(@PathParam("siteId") String siteId, @PathParam("id") UUID id) {
        return closures.reopen(siteId, id).map(ignored -> Response.noContent().build());
    }

    /** Closures from today on; staff see them too, to explain a missing slot. */
    @GET
    @RolesAllowed({ADMIN, Caller.COUNTER_AGENT, Caller.PHONE_AGENT, Caller.MEDIATOR})
    public Uni<List<ClosureView>> upcoming(@PathParam("siteId") String siteId) {
        return Uni.createFrom().item(() -> closures.upcoming(siteId).stream().map(c -> ClosureView.of(siteId, c)).toList());
    }

    private static String hhmm(LocalTime time) {
        return time == null ? null : time.format(HH_MM);
    }

    private interface Parser<T> {
        T parse(String text);
    }

    private static <T> T parse(String value, String name, String format, Parser<T> parser) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name + " is not " + format + ": " + value);
        }
    }
}
