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
import jakarta.ws.rs.PathParam;
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

import java.util.UUID;

import static fr.relais.gateway.api.OpenApiDocument.DESK;

/**
 * Correction requests at the desk: the list (fields and dates, no one's name), then one request opened with the
 * citizen in front of the agent (logged in her access log), applied on her identity document or refused with a reason.
 */
@Tag(name = DESK)
@Path("/guichet/corrections")
@RolesAllowed("counter-agent")
@Produces(MediaType.TEXT_HTML)
public class DeskCorrectionPages {

    @Inject
    WebSession session;

    @Inject
    @RestClient
    JourneyServiceClient journeys;

    @Location("desk/corrections.html")
    Template list;

    @Location("desk/correction.html")
    Template one;

    @APIResponse(responseCode = "200", description = "The page", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @GET
    public Uni<TemplateInstance> open(@QueryParam("message") String message) {
        return journeys.openCorrections().map(pending -> list.data("nav", session.nav()).data("site", session.site())
                .data("requests", CorrectionWording.pending(pending)).data("message", CorrectionWording.message(message)));
    }

    @APIResponse(responseCode = "200", description = "The page", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @GET
    @Path("/{id}")
    public Uni<TemplateInstance> request(@PathParam("id") UUID id, @QueryParam("message") String message) {
        return journeys.correction(id).map(detail -> one.data("nav", session.nav()).data("r", detail)
                .data("field", CorrectionWording.FIELDS.getOrDefault(detail.field(), detail.field()))
                .data("open", "open".equals(detail.status())).data("message", CorrectionWording.deskMessage(message)));
    }

    @APIResponse(responseCode = "303", description = "Post/redirect/get: the request again, saying what was decided or why not")
    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Object> decide(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        session.checkCsrf(form.getFirst("csrf"));
        String outcome = "refuser".equals(form.getFirst("decision")) ? "refused" : "applied";
        CorrectionAnswers.Decision decision = new CorrectionAnswers.Decision(outcome, "oui".equals(form.getFirst("piece-vue")),
                form.getFirst("motif"));
        String path = "/guichet/corrections/" + id;
        return journeys.decideCorrection(id, decision)
                .map(decided -> (Object) PostRedirectGet.to(path, outcome))
                .onFailure(Refusal::isRefusal).recoverWithItem(failure -> PostRedirectGet.to(path, Refusal.of(failure).orElseThrow().code()));
    }
}
