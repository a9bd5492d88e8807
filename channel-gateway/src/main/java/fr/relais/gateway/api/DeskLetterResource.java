package fr.relais.gateway.api;

import fr.relais.gateway.downstream.NotificationAnswers;
import fr.relais.gateway.downstream.NotificationServiceClient;
import fr.relais.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import static fr.relais.gateway.api.OpenApiDocument.DESK;

/**
 * The letters the counter agent's own site prints and posts (messages to citizens who get them by post): one batch a
 * day. The site is always hers, from her token; notification-service checks it again.
 */
@Tag(name = DESK)
@Path("/api/desk/letters")
@RolesAllowed("counter-agent")
@Produces(MediaType.APPLICATION_JSON)
public class DeskLetterResource {

    @Inject
    JsonWebToken token;

    @Inject
    @RestClient
    NotificationServiceClient notifications;

    @APIResponse(responseCode = "200", description = "The site's batches by day", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = NotificationAnswers.LetterBatch.class)))
    @GET
    public Uni<List<NotificationAnswers.LetterBatch>> batches() {
        return notifications.letters(Callers.site(token));
    }

    /** One day's letters as a PDF to print, never cached (they carry names and addresses). */
    @APIResponse(responseCode = "200", description = "The letters, A4, in French", content = @Content(mediaType = "application/pdf",
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @GET
    @Path("/{day}.pdf")
    @Produces("application/pdf")
    public Uni<Response> pdf(@PathParam("day") String day) {
        String site = Callers.site(token);
        String date = day(day);
        return notifications.lettersPdf(site, date).map(pdf -> pdf(pdf, site, date));
    }

    /** The day's letters are posted: they leave the list of letters to print. */
    @APIResponse(responseCode = "200", description = "Marked as posted", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = NotificationAnswers.Posted.class)))
    @POST
    @Path("/{day}/posted")
    public Uni<NotificationAnswers.Posted> posted(@PathParam("day") String day) {
        return notifications.posted(Callers.site(token), day(day));
    }

    /** The PDF answer: shown in the browser (inline), never stored on the way. */
    public static Response pdf(byte[] document, String site, String day) {
        return Response.ok(document, "application/pdf")
                .header("Content-Disposition", "inline; filename=\"courriers-" + site + "-" + day + ".pdf\"")
                .header("Cache-Control", "no-store").build();
    }

    /** A calendar day, YYYY-MM-DD; anything else is refused here rather than sent on in a path. */
    public static String day(String day) {
        try {
            return LocalDate.parse(day == null ? "" : day).toString();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField("day", "the day must be written YYYY-MM-DD");
        }
    }
}
