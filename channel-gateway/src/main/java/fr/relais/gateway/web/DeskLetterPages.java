package fr.relais.gateway.web;

import fr.relais.gateway.api.DeskLetterResource;
import fr.relais.gateway.downstream.NotificationServiceClient;
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
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

import java.util.List;

import static fr.relais.gateway.api.OpenApiDocument.DESK;

/**
 * "Courriers à imprimer": the letters of the agent's own site by day (citizens who get their messages by post), each
 * day's PDF to print, and "Marquer comme postés" once they are in the post.
 */
@Tag(name = DESK)
@Path("/guichet/courriers")
@RolesAllowed("counter-agent")
@Produces(MediaType.TEXT_HTML)
public class DeskLetterPages {

    static final String POSTED = "postes";

    @Inject
    WebSession session;

    @Inject
    @RestClient
    NotificationServiceClient notifications;

    @Location("desk/letters.html")
    Template page;

    @APIResponse(responseCode = "200", description = "The page", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @GET
    public Uni<TemplateInstance> batches(@QueryParam("message") String message) {
        String site = session.site();
        return notifications.letters(site)
                .map(batches -> page(site, message).data("available", true).data("batches", MessageViews.batches(batches)))
                .onFailure().recoverWithItem(failure -> page(site, message).data("available", false).data("batches", List.of()));
    }

    /** One day's letters as a PDF, opened in the browser, never cached. */
    @APIResponse(responseCode = "200", description = "The letters, A4, in French", content = @Content(mediaType = "application/pdf",
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @GET
    @Path("/{day}.pdf")
    @Produces("application/pdf")
    public Uni<Response> pdf(@PathParam("day") String day) {
        String site = session.site();
        String date = DeskLetterResource.day(day);
        return notifications.lettersPdf(site, date).map(pdf -> DeskLetterResource.pdf(pdf, site, date));
    }

    @APIResponse(responseCode = "303", description = "Post/redirect/get: the page again, with a confirmation or a message when it was refused")
    @POST
    @Path("/{day}/postes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> posted(@PathParam("day") String day, @RestForm("csrf") String csrf) {
        session.checkCsrf(csrf);
        String site = session.site();
        String date = DeskLetterResource.day(day);
        return notifications.posted(site, date).map(done -> PostRedirectGet.to("/guichet/courriers", POSTED))
                .onFailure().recoverWithItem(failure -> PostRedirectGet.to("/guichet/courriers", "non-postes"));
    }

    private TemplateInstance page(String site, String message) {
        return page.data("nav", session.nav()).data("site", site)
                .data("confirmed", POSTED.equals(message) ? "Les courriers sont marqués comme postés." : null)
                .data("refused", message == null || POSTED.equals(message) ? null
                        : "Les courriers n'ont pas pu être marqués comme postés. Réessayez dans quelques minutes.");
    }
}
