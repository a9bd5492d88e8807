package fr.relais.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import fr.relais.gateway.downstream.AppointmentServiceClient;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
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

    @TemplateData
    public record Booking(String id, String when, String site, String motif, String status, boolean active) {
    }

    @TemplateData
    public record Slot(String value, String label) {
    }

    /** {@code base}: this screen's path; {@code back}: the page it came from. */
    public Uni<TemplateInstance> show(WebSession.Nav nav, String base, String back, UUID journeyId, String motif, String site,
                                      UUID moving, String message) {
        LocalDate today = LocalDate.now(PARIS);
        Uni<JsonNode> slots = motif == null || site == null || motif.isBlank() || site.isBlank()
                ? Uni.createFrom().item(MissingNode.getInstance())
                : appointments.availability(motif, site, null, today.toString(), today.plusDays(21).toString())
                        .onFailure(WebApplicationException.class).recoverWithItem(MissingNode.getInstance());
        return Uni.combine().all().unis(appointments.ofJourney(journeyId), appointments.motifs(), appointments.sites(null), slots)
                .asTuple().map(all -> {
                    List<Booking> bookings = new ArrayList<>();
                    for (JsonNode b : all.getItem1()) {
                        String status = b.path("status").asText();
                        bookings.add(new Booking(b.path("id").asText(), Views.when(b.path("startsAt").asText()), b.path("site").asText(),
                                b.path("motif").asText(), status, status.equals("CONFIRMED") || status.equals("HELD")));
                    }
                    List<Views.Site> motifs = new ArrayList<>();
                    all.getItem2().forEach(m -> motifs.add(new Views.Site(m.path("id").asText(), m.path("title").asText(m.path("id").asText()))));
                    List<Views.Site> sites = new ArrayList<>();
                    all.getItem3().forEach(s -> sites.add(new Views.Site(s.path("id").asText(), s.path("name").asText(s.path("id").asText()))));
                    List<Slot> free = new ArrayList<>();
                    for (JsonNode s : all.getItem4()) {
                        if (free.size() < 12) { // the first free slots are enough to choose from
                            free.add(new Slot(s.path("startsAt").asText(), Views.when(s.path("startsAt").asText())));
                        }
                    }
                    return page.data("nav", nav).data("base", base).data("back", back).data("bookings", bookings)
                            .data("motifs", motifs).data("sites", sites).data("motif", motif == null ? "" : motif)
                            .data("site", site == null ? "" : site).data("searched", motif != null && site != null)
                            .data("slots", free).data("moving", moving == null ? null : moving.toString())
                            .data("refused", message == null || "ok".equals(message) ? null
                                    : "Ce créneau n'est plus disponible ou ce changement n'est pas possible : choisissez-en un autre.")
                            .data("done", "ok".equals(message) ? "Le rendez-vous est enregistré." : null);
                });
    }

    /** Holds the slot, then confirms it at once: the person chose it on this screen. */
    public Uni<Response> book(String base, UUID journeyId, String procedureId, String stepId, String motif, String site, String startsAt) {
        return appointments.hold(JsonNodeFactory.instance.objectNode().put("journeyId", journeyId.toString())
                        .put("procedureId", procedureId).put("stepId", stepId).put("motif", motif).put("site", site).put("startsAt", startsAt))
                .flatMap(held -> appointments.act(UUID.fromString(held.readEntity(JsonNode.class).path("id").asText()), "confirm",
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
        String query = message == null ? "" : "?message=" + URLEncoder.encode(message, StandardCharsets.UTF_8);
        return Response.seeOther(URI.create(base + query)).build();
    }
}
