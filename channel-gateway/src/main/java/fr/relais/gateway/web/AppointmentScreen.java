package fr.relais.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import fr.relais.gateway.downstream.AppointmentServiceClient;
import fr.relais.gateway.downstream.BookingAnswers;
import fr.relais.gateway.downstream.DownstreamProblems;
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
import java.util.Map;
import java.util.UUID;

/**
 * The appointment screen of one journey, for the citizen (portal) and for a mediator booking on their behalf:
 * free slots by motif and site, book (hold then confirm), move, cancel. appointment-service decides who may.
 */
@ApplicationScoped
public class AppointmentScreen {

    private static final String NO_ANSWER = "no-answer";
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
                        .data("refused", refusal(message))
                        .data("done", "ok".equals(message) ? "Le rendez-vous est enregistré." : null));
    }

    /** Holds the slot, then confirms it at once: the person chose it on this screen. */
    public Uni<Response> book(String base, UUID journeyId, String procedureId, String stepId, String motif, String site, String startsAt) {
        return worded(appointments.hold(JsonNodeFactory.instance.objectNode().put("journeyId", journeyId.toString())
                        .put("procedureId", procedureId).put("stepId", stepId).put("motif", motif).put("site", site).put("startsAt", startsAt))
                .flatMap(held -> appointments.act(held.readEntity(BookingAnswers.Booking.class).id(), "confirm",
                        JsonNodeFactory.instance.objectNode()))
                .map(confirmed -> back(base, "ok")), base);
    }

    public Uni<Response> move(String base, UUID booking, String site, String startsAt) {
        return worded(appointments.act(booking, "reschedule", JsonNodeFactory.instance.objectNode().put("site", site).put("startsAt", startsAt))
                .map(moved -> back(base, "ok")), base);
    }

    public Uni<Response> cancel(String base, UUID booking) {
        return worded(appointments.act(booking, "cancel", JsonNodeFactory.instance.objectNode().put("reason", "citizen-choice"))
                .map(cancelled -> back(base, null)), base);
    }

    /** What the page says for each refusal it words apart; any other refusal is "refused". */
    private static final Map<String, String> REFUSALS = Map.of(
            "refused", "Ce créneau n'est plus disponible ou ce changement n'est pas possible : choisissez-en un autre.",
            "too-many-bookings", "Le nombre maximal de rendez-vous à venir est atteint pour cette personne : annulez-en un avant d'en prendre un autre.",
            "step-already-booked", "Cette étape a déjà un rendez-vous : déplacez-le plutôt que d'en prendre un second.",
            "journey-ended", "Cette démarche est terminée : aucun rendez-vous ne peut plus y être pris.",
            NO_ANSWER, "Le service des rendez-vous n'a pas répondu à temps : regardez si le rendez-vous figure ci-dessous, sinon réessayez dans un moment.");

    private static String refusal(String message) {
        if (message == null || "ok".equals(message)) {
            return null;
        }
        return REFUSALS.getOrDefault(message, REFUSALS.get("refused"));
    }

    /** Refused by appointment-service (for which reason), or no answer from it: the page says which, instead of a bare error page. */
    private static Uni<Response> worded(Uni<Response> action, String base) {
        return action.onFailure(WebApplicationException.class).recoverWithItem(refused -> back(base, reason((WebApplicationException) refused)))
                .onFailure(DownstreamProblems::noAnswer).recoverWithItem(silent -> back(base, NO_ANSWER));
    }

    /** The problem's reason code when the page words it, else "refused": only codes from the closed list go in the address. */
    private static String reason(WebApplicationException refused) {
        try {
            String reason = refused.getResponse().readEntity(JsonNode.class).path("reason").asText("");
            return REFUSALS.containsKey(reason) && !NO_ANSWER.equals(reason) ? reason : "refused";
        } catch (RuntimeException unreadable) {
            return "refused";
        }
    }

    private static Response back(String base, String message) {
        return PostRedirectGet.to(base, message);
    }
}
