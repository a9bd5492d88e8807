package fr.relais.gateway.web;

import fr.relais.gateway.downstream.ErasureAnswers;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import static fr.relais.gateway.api.OpenApiDocument.PORTAL;

/**
 * "Effacer mes données": the page says what goes and what legally stays before she confirms; the answer lists both,
 * with the reason for each kept item. Cannot be undone, so she ticks a box on purpose.
 */
@Tag(name = PORTAL)
@Path("/portail/effacer")
@RolesAllowed("citizen")
@Produces(MediaType.TEXT_HTML)
public class PortalErasurePages {

    @Inject
    WebSession session;

    @Inject
    @RestClient
    JourneyServiceClient journeys;

    @Location("portal/erasure.html")
    Template page;

    @APIResponse(responseCode = "200", description = "The page", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @GET
    public TemplateInstance form() {
        return page.data("nav", session.nav()).data("unconfirmed", false).data("done", false);
    }

    @APIResponse(responseCode = "200", description = "What was erased, and what stays with why",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "422", description = "The form again: the box was not ticked",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Object> erase(MultivaluedMap<String, String> form) {
        session.checkCsrf(form.getFirst("csrf"));
        if (!"oui".equals(form.getFirst("confirme"))) {
            return Uni.createFrom().item(StepSubmission.refused(page.data("nav", session.nav()).data("unconfirmed", true).data("done", false)));
        }
        return journeys.erase(new ErasureAnswers.Request(true))
                .flatMap(outcome -> journeys.procedures().map(procedures -> (Object) page.data("nav", session.nav())
                        .data("unconfirmed", false).data("done", true)
                        .data("erased", ErasureWording.lines(outcome.erased(), procedures))
                        .data("kept", ErasureWording.lines(outcome.kept(), procedures))));
    }
}
