package fr.relais.gateway.web;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import fr.relais.gateway.downstream.AppointmentServiceClient;
import fr.relais.gateway.downstream.BookingAnswers;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * The appointment screen of one journey, for the citizen (portal) and for a mediator booking on their behalf:
 * free slots by motif and site, book (hold then confirm), move, cancel. appointment-service decides who may.
 */
@ApplicationScoped
public class AppointmentScreen {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Inject
    @RestClient
    AppointmentServiceClient appointments;

    @Location("portal/appointments.html")
    Template page;

    /** {@code base}: this screen's path; {@code back}: the page it came from. */
    public Uni<TemplateInstance> show(WebSession.Nav nav, String base, String back, UUID journeyId, String motif, String site,
                                      UUID moving, String message) {
        LocalDate today = LocalDate.now(PARIS);
        Uni<List<BookingAnswers.Slot>> slots = motif == null || site == null || motif.isBlank() || site.isBlank()
                ? Uni.createFrom().item(List.<BookingAnswers.Slot>of())
                : appointments.availability(motif, site, null, today.toString(), today.plusDays(21).toString())
                        .onFailure(WebApplicationException.class).recoverWithItem(List.of());
        return Uni.combine().all().unis(appointments.ofJourney(journeyId), appointments.motifs(), appointments.sites(null), slots)
                .asTuple().map(all -> page.data("nav", nav).data("base", base).data("back", back)
                        .data("bookings", AppointmentViews.bookings(all.getItem1()))
                        .data("motifs", AppointmentViews.motifs(all.getItem2())).data("sites", AppointmentViews.sites(all.getItem3()))
                        .data("motif", motif == null ? "" : motif)
                        .data("site", site == null ? "" : site).data("searched", motif != null && site != null)
                        .data("slots", AppointmentViews.firstFree(all.getItem4())).data("moving", moving == null ? null : moving.toString())
                        .data("refused", message == null || "ok".equals(message) ? null
                                : "Ce créneau n'est plus disponible ou ce changement n'est pas possible : choisissez-en un autre.")
                        .data("done", "ok".equals(message) ? "Le rendez-vous est enregistré." : null));
    }

    /** Holds the slot, then confirms it at once: the person chose it on this screen. */
    public Uni<Response> book(String base, UUID journeyId, String procedureId, String stepId, String motif, String site, String startsAt) {
        return appointments.hold(JsonNodeFactory.instance.objectNode().put("journeyId", journeyId.toString())
                        .put("procedureId", procedureId).put("stepId", stepId).put("motif", motif).put("site", site).put("startsAt", startsAt))
                .flatMap(held -> appointments.act(held.readEntity(BookingAnswers.Booking.class).id(), "confirm",
                        JsonNodeFactory.instance.objectNode()))
                .map(confirmed -> back(base, "ok"))
                .onFailure(WebApplicationException.class).recoverWithItem(refused -> back(base, "refused"));
    }

    public Uni<Response> move(String base, UUID booking, String site, String startsAt) {
        return appointments.act(booking, "reschedule", JsonNodeFactory.instance.objectNode().put("site", site).put("startsAt", startsAt))
                .map(moved -> back(base, "ok"))
                .onFailure(WebApplicationException.class).recoverWithItem(refused -> back(base, "refused"));
    }

    public Uni<Response> cancel(String base, UUID booking) {
        return appointments.act(booking, "cancel", JsonNodeFactory.instance.objectNode().put("reason", "citizen-choice"))
                .map(cancelled -> back(base, null))
                .onFailure(WebApplicationException.class).recoverWithItem(refused -> back(base, "refused"));
    }

    private static Response back(String base, String message) {
        return PostRedirectGet.to(base, message);
    }
}
