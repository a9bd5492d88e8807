package fr.relais.gateway.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.PermitAll;
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

import static fr.relais.gateway.api.OpenApiDocument.COMMON;

/**
 * The front door, open to anyone before any login: what Relais does, how to get help without an account, and
 * "Se connecter" ({@link SignInPage}). It reads nothing of the caller and calls no service.
 */
@Tag(name = COMMON)
@Path("/")
@PermitAll
public class WelcomePage {

    @Inject
    PublicHelp help;

    @Location("welcome.html")
    Template welcome;

    @APIResponse(responseCode = "200", description = "The public home page, in French",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @GET
    @Produces(MediaType.TEXT_HTML)
    public String welcome() {
        return welcome.data("nav", WebSession.Nav.VISITOR).data("help", help).render();
    }
}
