package fr.relais.gateway.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

import static fr.relais.gateway.api.OpenApiDocument.*;

/**
 * "Se connecter" on the home page: login first (a browser is sent to Keycloak), then each person goes to the pages
 * of their role.
 */
@Tag(name = COMMON)
@Path("/connexion")
@Authenticated
public class SignInPage {

    @Inject
    SecurityIdentity identity;

    @Inject
    WebSession session;

    @Location("no-access.html")
    Template noAccess;

    @APIResponse(responseCode = "303", description = "To the screen of the caller's role")
    @APIResponse(responseCode = "403", description = "A page saying that no screen is open to this account",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response signIn() {
        if (identity.hasRole("citizen")) {
            return Response.seeOther(URI.create("/portail")).build();
        }
        if (identity.hasRole("counter-agent")) {
            return Response.seeOther(URI.create("/guichet")).build();
        }
        if (identity.hasRole("phone-agent")) {
            return Response.seeOther(URI.create("/telephone")).build();
        }
        if (identity.hasRole("mediator")) {
            return Response.seeOther(URI.create("/mediation")).build();
        }
        if (identity.hasRole("procedure-owner") || identity.hasRole("ops")) {
            return Response.seeOther(URI.create("/proprietaire")).build();
        }
        return Response.status(403).entity(noAccess.data("nav", session.nav()).render()).type(MediaType.TEXT_HTML).build();
    }
}
