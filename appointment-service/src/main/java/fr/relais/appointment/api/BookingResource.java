package fr.relais.appointment.api;

import fr.relais.appointment.api.BookingViews.BookingView;
import fr.relais.appointment.api.BookingViews.CancelBody;
import fr.relais.appointment.api.BookingViews.CheckInBody;
import fr.relais.appointment.api.BookingViews.HoldBody;
import fr.relais.appointment.api.BookingViews.RescheduleBody;
import fr.relais.appointment.api.BookingViews.SlotView;
import fr.relais.appointment.service.BookingCheckIns;
import fr.relais.appointment.service.BookingHolds;
import fr.relais.appointment.service.BookingReads;
import fr.relais.appointment.service.BookingTransitions;
import fr.relais.appointment.service.Caller;
import fr.relais.problem.ProblemException;
import fr.relais.security.StaffClaims;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/** The booking API, called by the gateway with the caller's token. */
@Path("/")
@Authenticated
public class BookingResource {

    private static final Pattern CODE = Pattern.compile("^[a-z0-9][a-z0-9-]{0,63}$");

    @Inject
    BookingReads reads;

    @Inject
    BookingHolds holds;

    @Inject
    BookingTransitions transitions;

    @Inject
    BookingCheckIns checkIns;

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    /** Free slots of a motif at the given sites (comma-separated), or in a department, or everywhere. */
    @GET
    @Path("/availability")
    public Uni<List<SlotView>> availability(@QueryParam("motif") String motif, @QueryParam("sites") String sites,
                                            @QueryParam("department") String department, @QueryParam("from") String from,
                                            @QueryParam("to") String to) {
        require(motif != null && !motif.isBlank(), "motif is required");
        LocalDate start = date(from, "from");
        LocalDate end = date(to, "to");
        List<String> siteIds = sites == null || sites.isBlank() ? List.of()
                : Arrays.stream(sites.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        return reads.availability(motif, siteIds, department, start, end)
                .map(slots -> slots.stream().map(SlotView::of).toList());
    }

    @POST
    @Path("/bookings")
    @RolesAllowed({Caller.CITIZEN, Caller.COUNTER_AGENT, Caller.PHONE_AGENT, Caller.MEDIATOR})
    public Uni<Response> hold(HoldBody body) {
        require(body != null, "a body is required");
        require(body.journeyId() != null, "journeyId is required");
        requireCode(body.procedureId(), "procedureId");
        requireCode(body.stepId(), "stepId");
        requireCode(body.motif(), "motif");
        requireCode(body.site(), "site");
        require(body.startsAt() != null, "startsAt is required");
        return holds.hold(new BookingHolds.HoldRequest(body.journeyId(), body.procedureId(), body.stepId(), body.motif(),
                        body.site(), body.startsAt(), body.counter()), caller())
                .map(row -> Response.status(201).entity(BookingView.of(row)).header("Location", "/bookings/" + row.id).build());
    }

    @GET
    @Path("/bookings/{id}")
    @RolesAllowed({Caller.CITIZEN, Caller.COUNTER_AGENT, Caller.PHONE_AGENT, Caller.MEDIATOR})
    public Uni<BookingView> get(@PathParam("id") UUID id) {
        return reads.get(id, caller()).map(BookingView::of);
    }

    @GET
    @Path("/bookings")
    @RolesAllowed({Caller.CITIZEN, Caller.COUNTER_AGENT, Caller.PHONE_AGENT, Caller.MEDIATOR})
    public Uni<List<BookingView>> ofJourney(@QueryParam("journeyId") UUID journeyId) {
        require(journeyId != null, "journeyId is required");
        return reads.ofJourney(journeyId, caller()).map(list -> list.stream().map(BookingView::of).toList());
    }

    @GET
    @Path("/bookings/mine")
    @RolesAllowed(Caller.CITIZEN)
    public Uni<List<BookingView>> mine() {
        return reads.mine(caller()).map(list -> list.stream().map(BookingView::of).toList());
    }

    @POST
    @Path("/bookings/{id}/confirm")
    @RolesAllowed({Caller.CITIZEN, Caller.COUNTER_AGENT, Caller.PHONE_AGENT, Caller.MEDIATOR})
    public Uni<BookingView> confirm(@PathParam("id") UUID id) {
        return transitions.confirm(id, caller()).map(BookingView::of);
    }

    @POST
    @Path("/bookings/{id}/cancel")
    @RolesAllowed({Caller.CITIZEN, Caller.COUNTER_AGENT, Caller.PHONE_AGENT, Caller.MEDIATOR})
    public Uni<BookingView> cancel(@PathParam("id") UUID id, CancelBody body) {
        String reason = body == null ? null : body.reason();
        if (reason != null) {
            requireCode(reason, "reason");
        }
        return transitions.cancel(id, reason, caller()).map(BookingView::of);
    }

    @POST
    @Path("/bookings/{id}/reschedule")
    @RolesAllowed({Caller.CITIZEN, Caller.COUNTER_AGENT, Caller.PHONE_AGENT, Caller.MEDIATOR})
    public Uni<BookingView> reschedule(@PathParam("id") UUID id, RescheduleBody body) {
        require(body != null && body.startsAt() != null, "startsAt is required");
        if (body.site() != null) {
            requireCode(body.site(), "site");
        }
        return transitions.reschedule(id, body.site(), body.startsAt(), caller()).map(BookingView::of);
    }

    @POST
    @Path("/bookings/{id}/check-in")
    @RolesAllowed({Caller.COUNTER_AGENT, Caller.PHONE_AGENT})
    public Uni<BookingView> checkIn(@PathParam("id") UUID id) {
        return checkIns.checkIn(id, caller()).map(BookingView::of);
    }

    /** Desk check-in by journey (a phone agent "checks in" a call-back when the call connects): the gateway resolved the resume code to the journey id through journey-service. */
    @POST
    @Path("/check-ins")
    @RolesAllowed({Caller.COUNTER_AGENT, Caller.PHONE_AGENT})
    public Uni<BookingView> checkInJourney(CheckInBody body) {
        require(body != null && body.journeyId() != null, "journeyId is required");
        return checkIns.checkInJourney(body.journeyId(), caller()).map(BookingView::of);
    }

    /** A site's appointments of one day, for its agents. */
    @GET
    @Path("/sites/{site}/day-sheet")
    @RolesAllowed({Caller.COUNTER_AGENT, Caller.PHONE_AGENT})
    public Uni<List<BookingView>> daySheet(@PathParam("site") String site, @QueryParam("date") String date) {
        return reads.daySheet(site, date(date, "date"), caller()).map(list -> list.stream().map(BookingView::of).toList());
    }

    private Caller caller() {
        return new Caller(Objects.requireNonNull(token.getSubject(), "token without subject"), identity.getRoles(),
                StaffClaims.site(token), StaffClaims.pools(token));
    }

    private static LocalDate date(String value, String name) {
        require(value != null && !value.isBlank(), name + " is required (YYYY-MM-DD)");
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name + " is not a date (YYYY-MM-DD): " + value);
        }
    }

    private static void requireCode(String value, String name) {
        require(value != null && CODE.matcher(value).matches(), name + " must be a lowercase code (a-z, 0-9, -)");
    }

    private static void require(boolean condition, String detail) {
        if (!condition) {
            throw ProblemException.invalid(detail);
        }
    }
}
