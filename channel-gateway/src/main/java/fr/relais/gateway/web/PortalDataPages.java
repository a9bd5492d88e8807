package fr.relais.gateway.web;

import fr.relais.gateway.api.MyData;
import fr.relais.gateway.web.mydata.MyDataPdf;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import static fr.relais.gateway.api.OpenApiDocument.PORTAL;

/** The portal's "Télécharger mes données": the same document as GET /api/portal/my-data, as a file to keep. */
@Tag(name = PORTAL)
@Path("/portail")
@RolesAllowed("citizen")
public class PortalDataPages {

    @Inject
    MyData myData;

    /** No @Produces: a browser following the link asks for HTML first, and gets the JSON file all the same. */
    @APIResponse(responseCode = "200", description = "Her data export, as a file (relais-mes-donnees.json)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @GET
    @Path("/mes-donnees.json")
    public Uni<Response> download() {
        return myData.ofCaller().map(export -> Response.ok(export, MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"relais-mes-donnees.json\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build());
    }

    /** The same, as a PDF to read. */
    @APIResponse(responseCode = "200", description = "Her data export, as a PDF to read (relais-mes-donnees.pdf)",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @GET
    @Path("/mes-donnees.pdf")
    public Uni<Response> pdf() {
        return myData.ofCaller().map(export -> Response.ok(MyDataPdf.render(export), "application/pdf")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"relais-mes-donnees.pdf\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build());
    }
}
