package fr.relais.gateway.web;

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

/** "Mes accords": each consent she gave, since when and how, with a button to give or withdraw it, and their history. */
@Tag(name = PORTAL)
@Path("/portail/accords")
@RolesAllowed("citizen")
@Produces(MediaType.TEXT_HTML)
public class PortalConsentPages {

    @Inject
    WebSession session;

    @Inject
    @RestClient
    JourneyServiceClient journeys;

    @Location("portal/consents.html")
    Template page;

    @APIResponse(responseCode = "200", description = "The page", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @GET
    public Uni<TemplateInstance> list(@QueryParam("message") String message) {
        return journeys.myConsents().map(mine -> page.data("nav", session.nav())
                .data("hasPerson", mine.hasPerson())
                .data("purposes", ConsentWording.purposes(mine))
                .data("history", ConsentWording.history(mine))
                .data("done", "given".equals(message) || "withdrawn".equals(message) ? ConsentWording.message(message) : null)
                .data("refused", "given".equals(message) || "withdrawn".equals(message) ? null : ConsentWording.message(message)));
    }

    /** Form fields: {@code accord} (the purpose) and {@code choix} ({@code donner} or {@code retirer}). */
    @APIResponse(responseCode = "303", description = "Post/redirect/get: the page again, saying it is done or why not")
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Object> change(MultivaluedMap<String, String> form) {
        session.checkCsrf(form.getFirst("csrf"));
        String purpose = form.getFirst("accord") == null ? "" : form.getFirst("accord");
        boolean give = "donner".equals(form.getFirst("choix"));
        return (give ? journeys.giveConsent(purpose) : journeys.withdrawConsent(purpose))
                .map(changed -> (Object) PostRedirectGet.to("/portail/accords", give ? "given" : "withdrawn"))
                .onFailure(Refusal::isRefusal).recoverWithItem(failure -> PostRedirectGet.to("/portail/accords",
                        Refusal.of(failure).orElseThrow().code()));
    }
}
