package fr.relais.gateway.web;

import fr.relais.gateway.api.Requests;
import fr.relais.gateway.downstream.AppointmentServiceClient;
import fr.relais.gateway.downstream.BookingAnswers;
import fr.relais.gateway.downstream.ExperienceAnswers;
import fr.relais.gateway.downstream.JourneyServiceClient;
import fr.relais.gateway.downstream.MediationServiceClient;
import fr.relais.gateway.downstream.ProcedureAnswers;
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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static fr.relais.gateway.api.OpenApiDocument.COMMON;

/**
 * The procedure owners' pages (issue 21; realm role procedure-owner, the procedures of their token's claim; ops see
 * every procedure, and find the sites' workload from here: OperationsPages): their procedures, and for one of them the
 * paths compared, the steps per version and those that most often need an agent, the agents' difficulties by site, the
 * citizens' comments to moderate and the public answers. mediation-service decides what each may read and do, with the
 * caller's own token; its refusals are sentences on the page.
 */
@Tag(name = COMMON)
@Path("/proprietaire")
@RolesAllowed({"procedure-owner", "ops"})
@Produces(MediaType.TEXT_HTML)
public class OwnerPages {

    /** An answer's limit, as mediation-service sets it. */
    static final int ANSWER_MAX = 2000;

    @Inject
    WebSession session;

    @Inject
    @RestClient
    MediationServiceClient mediation;

    /** The procedures' titles and steps (any signed-in caller may read them). */
    @Inject
    @RestClient
    JourneyServiceClient journeys;

    /** The sites' names, for the agents' difficulties by site. */
    @Inject
    @RestClient
    AppointmentServiceClient appointments;

    @Location("owner/home.html")
    Template home;

    @Location("owner/procedure.html")
    Template procedurePage;

    @APIResponse(responseCode = "200", description = "The page", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @GET
    public Uni<TemplateInstance> home() {
        // titles when journey-service answers; the ids read as words otherwise
        return journeys.procedures().onFailure().recoverWithItem(List.of()).map(known -> {
            Map<String, String> titles = titles(known);
            List<String> ids = session.ops() ? List.copyOf(titles.keySet()) : session.ownedProcedures();
            return home.data("nav", session.nav()).data("ops", session.ops())
                    .data("procedures", ids.stream().map(id -> new Option(id, titles.getOrDefault(id, ExperienceViews.humanise(id)))).toList());
        });
    }

    @APIResponse(responseCode = "200", description = "The page", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "403", description = "A page saying this procedure is not one of the caller's",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "A page saying there is no such procedure",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @GET
    @Path("/{procedureId}")
    public Uni<Response> procedure(@PathParam("procedureId") String procedureId, @QueryParam("message") String message) {
        if (!Requests.isStepId(procedureId)) {
            return Uni.createFrom().item(refused(404, procedureId, "Cette démarche n'existe pas."));
        }
        Uni<ProcedureAnswers.Procedure> definition = journeys.procedure(procedureId).onFailure().recoverWithNull();
        Uni<List<BookingAnswers.Site>> sites = appointments.sites(null).onFailure().recoverWithItem(List.of());
        return Uni.combine().all().unis(mediation.procedureExperience(procedureId, null), definition, sites).asTuple()
                .map(all -> Response.ok(page(procedurePage.data("nav", session.nav()), procedureId, all.getItem1(), all.getItem2(),
                        all.getItem3(), ExperienceMessages.forOwner(message))).build())
                .onFailure().recoverWithItem(failure -> Refusal.of(failure)
                        .map(refusal -> refusal.status() == 404 ? refused(404, procedureId, "Cette démarche n'existe pas.")
                                : refused(403, procedureId, "Cette démarche n'est pas l'une des vôtres : ses avis ne vous sont pas ouverts."))
                        .orElseGet(() -> refused(503, procedureId, "Les chiffres de cette démarche ne peuvent pas être affichés "
                                + "pour le moment : réessayez dans quelques minutes.")));
    }

    /** "Publier" or "Rejeter" a citizen's comment (its personal data already removed by mediation-service). */
    @APIResponse(responseCode = "303", description = "Post/redirect/get: the procedure's page again, with what was done or refused")
    @POST
    @Path("/{procedureId}/commentaires/{commentId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> moderate(@PathParam("procedureId") String procedureId, @PathParam("commentId") UUID commentId,
                                  @RestForm("csrf") String csrf, @RestForm("decision") String decision) {
        session.checkCsrf(csrf);
        String page = pageOf(procedureId);
        if (!"publish".equals(decision) && !"reject".equals(decision)) {
            return Uni.createFrom().item(PostRedirectGet.to(page, ExperienceMessages.MODERATION_REFUSED));
        }
        return mediation.moderate(commentId, new ExperienceAnswers.Moderation(decision))
                .map(done -> PostRedirectGet.to(page, "publish".equals(decision) ? ExperienceMessages.COMMENT_PUBLISHED
                        : ExperienceMessages.COMMENT_REJECTED))
                .onFailure().recoverWithItem(failure -> PostRedirectGet.to(page,
                        ExperienceMessages.ownerFailure(failure, ExperienceMessages.MODERATION_REFUSED)));
    }

    /** A public answer to the citizens, tied or not to the version of the procedure that changed after their comments. */
    @APIResponse(responseCode = "303", description = "Post/redirect/get: the procedure's page again, with what was done or refused")
    @POST
    @Path("/{procedureId}/reponses")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> answer(@PathParam("procedureId") String procedureId, @RestForm("csrf") String csrf,
                                @RestForm("text") String text, @RestForm("changedInVersion") String changedInVersion) {
        session.checkCsrf(csrf);
        String page = pageOf(procedureId);
        ExperienceAnswers.AnswerDraft draft = draft(text, changedInVersion);
        if (draft == null || !Requests.isStepId(procedureId)) {
            return Uni.createFrom().item(PostRedirectGet.to(page, ExperienceMessages.ANSWER_INVALID));
        }
        return mediation.answer(procedureId, draft).map(done -> PostRedirectGet.to(page, ExperienceMessages.ANSWER_PUBLISHED))
                .onFailure().recoverWithItem(failure -> PostRedirectGet.to(page,
                        ExperienceMessages.ownerFailure(failure, ExperienceMessages.ANSWER_REFUSED)));
    }

    /** The answer as mediation-service takes it; null when the text is blank or too long, or the version not a number. */
    static ExperienceAnswers.AnswerDraft draft(String text, String changedInVersion) {
        String words = Wording.text(text).strip();
        String version = Wording.text(changedInVersion).strip();
        if (words.isEmpty() || words.codePointCount(0, words.length()) > ANSWER_MAX || !version.matches("|[0-9]{1,6}")) {
            return null;
        }
        return new ExperienceAnswers.AnswerDraft(words, version.isEmpty() ? null : Integer.valueOf(version));
    }

    /**
     * The procedure's page: its title and steps' titles from journey-service's definition (the ids in words without it),
     * the sites' names from appointment-service's list (their ids without it).
     */
    static TemplateInstance page(TemplateInstance page, String procedureId, ExperienceAnswers.ProcedureExperience experience,
                                 ProcedureAnswers.Procedure definition, List<BookingAnswers.Site> sites, PhoneMessages.Message message) {
        String title = definition == null || definition.title() == null ? ExperienceViews.humanise(procedureId) : definition.title();
        Function<String, String> stepTitle = stepId -> {
            ProcedureAnswers.Step step = definition == null || stepId == null ? null : definition.step(stepId);
            return step == null || step.title() == null ? ExperienceViews.humanise(stepId) : step.title();
        };
        Map<String, String> siteNames = ExperienceViews.siteNames(sites);
        List<ExperienceViews.CommentLine> pending = ExperienceViews.comments(experience.comments(), "pending", stepTitle);
        return page.data("procedureId", procedureId).data("title", title)
                .data("refused", null).data("message", message)
                .data("since", ExperienceViews.since(experience.since())).data("k", experience.minCellSize())
                .data("table", ExperienceViews.pathTable("chemins", title, experience.paths(), experience.hiddenPaths(),
                        experience.minCellSize()))
                .data("steps", ExperienceViews.steps(experience.steps(), stepTitle))
                .data("agentSteps", ExperienceViews.agentSteps(experience.steps(), stepTitle))
                .data("flags", ExperienceViews.flags(experience.flags(), siteNames))
                .data("pending", pending)
                .data("published", ExperienceViews.comments(experience.comments(), "published", stepTitle))
                .data("answers", ExperienceViews.answers(experience.answers()));
    }

    private Response refused(int status, String procedureId, String words) {
        TemplateInstance page = procedurePage.data("nav", session.nav()).data("procedureId", Wording.text(procedureId))
                .data("title", "Avis des usagers").data("refused", words).data("message", null);
        return Response.status(status).entity(page).build();
    }

    private static String pageOf(String procedureId) {
        return "/proprietaire/" + (Requests.isStepId(procedureId) ? procedureId : "");
    }

    private static Map<String, String> titles(List<ProcedureAnswers.Procedure> procedures) {
        Map<String, String> titles = new LinkedHashMap<>();
        procedures.stream().filter(p -> p.id() != null)
                .forEach(p -> titles.put(p.id(), p.title() == null ? ExperienceViews.humanise(p.id()) : p.title()));
        return titles;
    }
}
