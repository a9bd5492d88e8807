package fr.relais.gateway.web;

import fr.relais.gateway.downstream.JourneyServiceClient;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

import java.util.UUID;

import static fr.relais.gateway.api.OpenApiDocument.*;

/** The citizen's appointments for one of their journeys: book a slot, move it, cancel it. */
@Tag(name = PORTAL)
@Tag(name = APPOINTMENTS)
@Path("/portail/demarches/{id}/rendez-vous")
@RolesAllowed("citizen")
@Produces(MediaType.TEXT_HTML)
public class AppointmentPages {

    @Inject
    WebSession session;

    @Inject
    @RestClient
    JourneyServiceClient journeys;

    @Inject
    AppointmentScreen screen;

    /** {@code motif} and {@code site} chosen: their free slots; {@code deplacer}: the booking the chosen slot replaces. */
    @APIResponse(responseCode = "200", description = "The page", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @GET
    public Uni<TemplateInstance> show(@PathParam("id") UUID id, @QueryParam("motif") String motif, @QueryParam("site") String site,
                                      @QueryParam("deplacer") UUID moving, @QueryParam("message") String message) {
        // journey-service answers 404 unless the journey is the citizen's own
        return journeys.journey(id).flatMap(journey -> screen.show(session.nav(), base(id), "/portail/demarches/" + id, id,
                motif, site, moving, message));
    }

    @APIResponse(responseCode = "303", description = "Post/redirect/get: the page again, with a message when something was refused")
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> book(@PathParam("id") UUID id, @RestForm("csrf") String csrf, @RestForm("motif") String motif,
                              @RestForm("site") String site, @RestForm("startsAt") String startsAt) {
        session.checkCsrf(csrf);
        return journeys.journey(id).flatMap(journey -> screen.book(base(id), id, Wording.text(journey.procedureId()),
                Wording.text(journey.currentStep()), motif, site, startsAt));
    }

    @APIResponse(responseCode = "303", description = "Post/redirect/get: the page again, with a message when something was refused")
    @POST
    @Path("/{booking}/deplacement")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> move(@PathParam("id") UUID id, @PathParam("booking") UUID booking, @RestForm("csrf") String csrf,
                              @RestForm("site") String site, @RestForm("startsAt") String startsAt) {
        session.checkCsrf(csrf);
        return screen.move(base(id), booking, site, startsAt);
    }

    @APIResponse(responseCode = "303", description = "Post/redirect/get: the page again, with a message when something was refused")
    @POST
    @Path("/{booking}/annulation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> cancel(@PathParam("id") UUID id, @PathParam("booking") UUID booking, @RestForm("csrf") String csrf) {
        session.checkCsrf(csrf);
        return screen.cancel(base(id), booking);
    }

    private static String base(UUID id) {
        return "/portail/demarches/" + id + "/rendez-vous";
    }
}
