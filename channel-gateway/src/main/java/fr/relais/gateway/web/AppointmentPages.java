package fr.relais.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import fr.relais.gateway.downstream.AppointmentServiceClient;
import fr.relais.gateway.downstream.JourneyServiceClient;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The citizen's appointments for one journey: book a slot, move it, cancel it. */
@Path("/portail/demarches/{id}/rendez-vous")
@RolesAllowed("citizen")
@Produces(MediaType.TEXT_HTML)
public class AppointmentPages {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Inject
    WebSession session;

    @Inject
    @RestClient
    JourneyServiceClient journeys;

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

    /** {@code motif} and {@code site} chosen: their free slots; {@code deplacer}: the booking the chosen slot replaces. */
    @GET
    public Uni<TemplateInstance> show(@PathParam("id") UUID id, @QueryParam("motif") String motif, @QueryParam("site") String site,
                                      @QueryParam("deplacer") UUID moving, @QueryParam("message") String message) {
        LocalDate today = LocalDate.now(PARIS);
        Uni<JsonNode> slots = motif == null || site == null || motif.isBlank() || site.isBlank()
                ? Uni.createFrom().item(MissingNode.getInstance())
                : appointments.availability(motif, site, null, today.toString(), today.plusDays(21).toString())
                        .onFailure(WebApplicationException.class).recoverWithItem(MissingNode.getInstance());
        return journeys.journey(id).flatMap(journey -> Uni.combine().all()
                .unis(appointments.ofJourney(id), appointments.motifs(), appointments.sites(null), slots).asTuple().map(all -> {
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
                        if (free.size() < 12) { // the first free slots are enough to choose from; more are a "later" search away
                            free.add(new Slot(s.path("startsAt").asText(), Views.when(s.path("startsAt").asText())));
                        }
                    }
                    return page.data("nav", session.nav()).data("id", id.toString()).data("bookings", bookings)
                            .data("motifs", motifs).data("sites", sites).data("motif", motif == null ? "" : motif)
                            .data("site", site == null ? "" : site).data("searched", motif != null && site != null)
                            .data("slots", free).data("moving", moving == null ? null : moving.toString())
                            .data("refused", message == null ? null : "Ce créneau n'est plus disponible ou ce changement n'est pas possible : choisissez-en un autre.")
                            .data("done", "ok".equals(message) ? "Votre rendez-vous est enregistré." : null);
                }));
    }

    /** Holds the slot, then confirms it at once: the citizen chose it on this page. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> book(@PathParam("id") UUID id, @RestForm("csrf") String csrf, @RestForm("motif") String motif,
                              @RestForm("site") String site, @RestForm("startsAt") String startsAt) {
        session.checkCsrf(csrf);
        return journeys.journey(id).flatMap(journey -> appointments.hold(JsonNodeFactory.instance.objectNode()
                        .put("journeyId", id.toString()).put("procedureId", journey.path("procedureId").asText())
                        .put("stepId", journey.path("currentStep").asText()).put("motif", motif).put("site", site).put("startsAt", startsAt)))
                .flatMap(held -> appointments.act(UUID.fromString(held.readEntity(JsonNode.class).path("id").asText()), "confirm",
                        JsonNodeFactory.instance.objectNode()))
                .map(confirmed -> back(id, "ok"))
                .onFailure(WebApplicationException.class).recoverWithItem(refused -> back(id, "refused"));
    }

    @POST
    @Path("/{booking}/deplacement")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> move(@PathParam("id") UUID id, @PathParam("booking") UUID booking, @RestForm("csrf") String csrf,
                              @RestForm("site") String site, @RestForm("startsAt") String startsAt) {
        session.checkCsrf(csrf);
        return appointments.act(booking, "reschedule", JsonNodeFactory.instance.objectNode().put("site", site).put("startsAt", startsAt))
                .map(moved -> back(id, "ok"))
                .onFailure(WebApplicationException.class).recoverWithItem(refused -> back(id, "refused"));
    }

    @POST
    @Path("/{booking}/annulation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> cancel(@PathParam("id") UUID id, @PathParam("booking") UUID booking, @RestForm("csrf") String csrf) {
        session.checkCsrf(csrf);
        return appointments.act(booking, "cancel", JsonNodeFactory.instance.objectNode().put("reason", "citizen-choice"))
                .map(cancelled -> back(id, null))
                .onFailure(WebApplicationException.class).recoverWithItem(refused -> back(id, "refused"));
    }

    private static Response back(UUID id, String message) {
        String query = message == null ? "" : "?message=" + URLEncoder.encode(message, StandardCharsets.UTF_8);
        return Response.seeOther(URI.create("/portail/demarches/" + id + "/rendez-vous" + query)).build();
    }
}
