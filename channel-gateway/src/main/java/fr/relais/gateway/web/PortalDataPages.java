package fr.relais.gateway.web;

import fr.relais.gateway.api.MyData;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import static fr.relais.gateway.api.OpenApiDocument.PORTAL;

/** The portal's "Télécharger mes données": the same document as GET /api/portal/my-data, as a file to keep. */
@Tag(name = PORTAL)
@Path("/portail/mes-donnees.json")
@RolesAllowed("citizen")
public class PortalDataPages {

    @Inject
    MyData myData;

    /** No @Produces: a browser following the link asks for HTML first, and gets the JSON file all the same. */
    @GET
    public Uni<Response> download() {
        return myData.ofCaller().map(export -> Response.ok(export, MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"relais-mes-donnees.json\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build());
    }
}
