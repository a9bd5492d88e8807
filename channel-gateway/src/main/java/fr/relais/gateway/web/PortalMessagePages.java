package fr.relais.gateway.web;

import fr.relais.gateway.downstream.NotificationServiceClient;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.List;

import static fr.relais.gateway.api.OpenApiDocument.PORTAL;

/** "Mes messages": what Relais sent her, when, how, whether it arrived, and the text as sent. */
@Tag(name = PORTAL)
@Path("/portail/messages")
@RolesAllowed("citizen")
@Produces(MediaType.TEXT_HTML)
public class PortalMessagePages {

    @Inject
    WebSession session;

    @Inject
    @RestClient
    NotificationServiceClient notifications;

    @Location("portal/messages.html")
    Template page;

    @APIResponse(responseCode = "200", description = "The page", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @GET
    public Uni<TemplateInstance> messages() {
        // notification-service down: the page says so rather than failing
        return notifications.mine().map(mine -> page.data("nav", session.nav()).data("available", true)
                        .data("messages", MessageViews.mine(mine)))
                .onFailure().recoverWithItem(failure -> page.data("nav", session.nav()).data("available", false)
                        .data("messages", List.of()));
    }
}
