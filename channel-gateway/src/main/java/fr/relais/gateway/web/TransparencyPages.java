package fr.relais.gateway.web;

import fr.relais.gateway.downstream.ExperienceAnswers;
import fr.relais.gateway.downstream.PublicExperienceClient;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
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
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static fr.relais.gateway.api.OpenApiDocument.COMMON;

/**
 * The public page {@code /transparence} (issue 21), open to anyone without an account like the home page: per procedure,
 * its paths compared, the comments its owners published and their answers; and the open data behind it, as
 * mediation-service writes it (CSV, JSON). Everything comes from mediation-service's public endpoints, read without any
 * token ({@link PublicExperienceClient}); every cell under mediation-service's minimum of journeys is hidden there.
 */
@Tag(name = COMMON)
@Path("/transparence")
@PermitAll
public class TransparencyPages {

    static final String CSV = "text/csv; charset=utf-8";

    /** The open data's columns, as mediation-service writes them, with their meaning. */
    static final List<Option> COLUMNS = List.of(
            new Option("procedure_id", "identifiant de la démarche"),
            new Option("path", "chemin suivi : portal (en ligne), desk (guichet), phone (téléphone), leurs combinaisons "
                    + "(portal+desk…), ou mediator (avec un médiateur)"),
            new Option("journeys", "nombre de parcours"),
            new Option("completed", "parcours terminés"),
            new Option("abandoned", "parcours abandonnés"),
            new Option("median_minutes_to_complete", "durée médiane pour terminer, en minutes"),
            new Option("active_minutes", "temps passé à agir, en minutes, moyenne par parcours"),
            new Option("waiting_minutes", "temps passé à attendre, en minutes, moyenne par parcours"),
            new Option("desk_trips", "déplacements au guichet, moyenne par parcours"),
            new Option("channel_switches", "changements de canal, moyenne par parcours"),
            new Option("errors", "erreurs de saisie, moyenne par parcours"),
            new Option("help_requests", "demandes d'aide, moyenne par parcours"),
            new Option("escalations", "parcours confiés à un médiateur"),
            new Option("bounced", "parcours renvoyés d'un canal à l'autre"),
            new Option("surveys", "questionnaires de fin de démarche reçus"),
            new Option("easy_to_understand", "« était-ce facile à comprendre ? », moyenne sur 5"),
            new Option("help_when_needed", "« avez-vous trouvé de l'aide quand vous en aviez besoin ? », moyenne sur 5"),
            new Option("feeling_compared_to_before", "« comment vous sentez-vous maintenant par rapport à avant ? », moyenne sur 5"));

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Inject
    @RestClient
    PublicExperienceClient experience;

    @Location("transparency.html")
    Template transparencyPage;

    /** One procedure as the public page shows it. */
    @TemplateData
    public record ProcedureBlock(String id, String title, ExperienceViews.PathTable table, List<ExperienceViews.CommentLine> comments,
                                 List<ExperienceViews.AnswerLine> answers) {
    }

    @APIResponse(responseCode = "200", description = "The public page, in French",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "503", description = "The same page, saying the figures cannot be read for the moment",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> transparency() {
        return experience.transparency(null)
                .map(answer -> Response.ok(page(withDefaults(), answer)).build())
                // a public page never shows a problem document: the page itself says the figures are not there
                .onFailure().recoverWithItem(failure -> Response.status(503).entity(withDefaults()
                        .data("unavailable", true)).build());
    }

    @APIResponse(responseCode = "200", description = "The open data (per procedure and path, up to yesterday), as mediation-service writes it",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @GET
    @Path("/donnees.csv")
    @Produces("text/csv")
    public Uni<Response> csv() {
        return experience.openData("csv").map(bytes -> download(bytes, CSV, "csv"));
    }

    @APIResponse(responseCode = "200", description = "The open data (per procedure and path, up to yesterday), as mediation-service writes it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @GET
    @Path("/donnees.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> json() {
        return experience.openData("json").map(bytes -> download(bytes, MediaType.APPLICATION_JSON, "json"));
    }

    private Response download(byte[] bytes, String type, String extension) {
        String file = "relais-experience-" + LocalDate.now(PARIS) + "." + extension;
        return Response.ok(bytes, type).header("Content-Disposition", "attachment; filename=" + file).build();
    }

    /** Per procedure (titled from its id: no token, so no journey-service read), its paths, comments and answers. */
    static TemplateInstance page(TemplateInstance page, ExperienceAnswers.Transparency answer) {
        List<ProcedureBlock> blocks = new ArrayList<>();
        int n = 0;
        for (ExperienceAnswers.PublicProcedure procedure : answer.procedures()) {
            n++;
            String title = ExperienceViews.humanise(procedure.procedureId());
            blocks.add(new ProcedureBlock("demarche-" + n, title,
                    ExperienceViews.pathTable("demarche-" + n + "-chemins", title, procedure.paths(), procedure.hiddenPaths(),
                            answer.minCellSize()),
                    ExperienceViews.publicComments(procedure.comments()), ExperienceViews.answers(procedure.answers())));
        }
        return page.data("unavailable", false).data("since", ExperienceViews.since(answer.since()))
                .data("k", answer.minCellSize()).data("procedures", blocks);
    }

    private TemplateInstance withDefaults() {
        return withDefaults(transparencyPage.instance());
    }

    /** What every rendering needs: a visitor's menu (no session here), the open data's columns, nothing to show yet. */
    static TemplateInstance withDefaults(TemplateInstance page) {
        return page.data("nav", WebSession.Nav.VISITOR).data("columns", COLUMNS).data("procedures", List.of())
                .data("since", "").data("k", 0).data("unavailable", false);
    }
}
