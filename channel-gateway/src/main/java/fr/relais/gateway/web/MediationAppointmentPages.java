package fr.relais.gateway.web;

import fr.relais.gateway.downstream.MediationAnswers;
import fr.relais.gateway.downstream.MediationServiceClient;
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

/** A mediator books (moves, cancels) a desk appointment for the citizen of a case: the journey and step come from the case. */
@Tag(name = MEDIATION)
@Tag(name = APPOINTMENTS)
@Path("/mediation/dossiers/{case}/rendez-vous")
@RolesAllowed("mediator")
@Produces(MediaType.TEXT_HTML)
public class MediationAppointmentPages {

    @Inject
    WebSession session;

    @Inject
    @RestClient
    MediationServiceClient mediation;

    @Inject
    AppointmentScreen screen;

    @APIResponse(responseCode = "200", description = "The page", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @GET
    public Uni<TemplateInstance> show(@PathParam("case") UUID caseId, @QueryParam("motif") String motif, @QueryParam("site") String site,
                                      @QueryParam("deplacer") UUID moving, @QueryParam("message") String message) {
        return mediation.caseDetail(caseId).flatMap(detail -> screen.show(session.nav(), base(caseId), "/mediation/dossiers/" + caseId,
                journeyOf(detail), motif, site, moving, message));
    }

    @APIResponse(responseCode = "303", description = "Post/redirect/get: the page again, with a message when something was refused")
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> book(@PathParam("case") UUID caseId, @RestForm("csrf") String csrf, @RestForm("motif") String motif,
                              @RestForm("site") String site, @RestForm("startsAt") String startsAt) {
        session.checkCsrf(csrf);
        return mediation.caseDetail(caseId).flatMap(detail -> {
            MediationAnswers.Case c = detail.mediationCase();
            return screen.book(base(caseId), journeyOf(detail), Wording.text(c.procedureId()), Wording.text(c.stepId()), motif, site,
                    startsAt);
        });
    }

    @APIResponse(responseCode = "303", description = "Post/redirect/get: the page again, with a message when something was refused")
    @POST
    @Path("/{booking}/deplacement")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> move(@PathParam("case") UUID caseId, @PathParam("booking") UUID booking, @RestForm("csrf") String csrf,
                              @RestForm("site") String site, @RestForm("startsAt") String startsAt) {
        session.checkCsrf(csrf);
        return screen.move(base(caseId), booking, site, startsAt);
    }

    @APIResponse(responseCode = "303", description = "Post/redirect/get: the page again, with a message when something was refused")
    @POST
    @Path("/{booking}/annulation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> cancel(@PathParam("case") UUID caseId, @PathParam("booking") UUID booking, @RestForm("csrf") String csrf) {
        session.checkCsrf(csrf);
        return screen.cancel(base(caseId), booking);
    }

    private static UUID journeyOf(MediationAnswers.CaseDetail detail) {
        return detail.mediationCase().journeyId();
    }

    private static String base(UUID caseId) {
        return "/mediation/dossiers/" + caseId + "/rendez-vous";
    }
}
