package fr.relais.gateway.web;

import fr.relais.gateway.api.OpenApiDocument;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

/**
 * The survey link of the "démarche terminée" text and e-mail (short enough for one SMS): after signing in, the citizen
 * lands on her journey's survey, and her answers count as given from that message. journey-service and
 * mediation-service still decide whether the journey is hers.
 */
@Tag(name = OpenApiDocument.PORTAL)
@Path("/avis")
@RolesAllowed("citizen")
public class SurveyLinks {

    @APIResponse(responseCode = "303", description = "To the journey's page, at its survey")
    @GET
    @Path("/{id}/{via}")
    public Response open(@PathParam("id") UUID id, @PathParam("via") String via) {
        return Response.seeOther(URI.create("/portail/demarches/" + id + "?via=" + SurveyForm.citizenChannel(via)
                + "#questionnaire")).build();
    }
}
