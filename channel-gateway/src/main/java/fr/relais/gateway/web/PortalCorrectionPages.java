package fr.relais.gateway.web;

import fr.relais.gateway.downstream.CorrectionAnswers;
import fr.relais.gateway.downstream.JourneyServiceClient;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import static fr.relais.gateway.api.OpenApiDocument.PORTAL;

/** "Corriger mes données": she asks for her names or birth date to be corrected, and follows her requests. */
@Tag(name = PORTAL)
@Path("/portail/corriger")
@RolesAllowed("citizen")
@Produces(MediaType.TEXT_HTML)
public class PortalCorrectionPages {

    @Inject
    WebSession session;

    @Inject
    @RestClient
    JourneyServiceClient journeys;

    @Location("portal/corrections.html")
    Template page;

    @APIResponse(responseCode = "200", description = "The page", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @GET
    public Uni<TemplateInstance> form(@QueryParam("message") String message) {
        return journeys.myCorrections().map(requests -> page.data("nav", session.nav())
                .data("requests", CorrectionWording.mine(requests))
                .data("asked", "asked".equals(message))
                .data("refused", "asked".equals(message) ? null : CorrectionWording.message(message)));
    }

    @APIResponse(responseCode = "303", description = "Post/redirect/get: the page again, saying it is asked or why not")
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Object> ask(MultivaluedMap<String, String> form) {
        session.checkCsrf(form.getFirst("csrf"));
        return journeys.askCorrection(new CorrectionAnswers.Request(form.getFirst("champ"), form.getFirst("valeur")))
                .map(asked -> (Object) PostRedirectGet.to("/portail/corriger", "asked"))
                .onFailure(Refusal::isRefusal).recoverWithItem(failure -> PostRedirectGet.to("/portail/corriger",
                        Refusal.of(failure).orElseThrow().code()));
    }
}
