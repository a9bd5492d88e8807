package fr.relais.gateway.web;

import fr.relais.events.channel.Channel;
import fr.relais.gateway.api.DeskResource;
import fr.relais.gateway.api.JourneyActions;
import fr.relais.gateway.api.Requests;
import fr.relais.gateway.downstream.AppointmentServiceClient;
import fr.relais.gateway.downstream.JourneyServiceClient;
import fr.relais.gateway.downstream.MediationServiceClient;
import fr.relais.gateway.downstream.NotificationServiceClient;
import fr.relais.gateway.downstream.ProcedureAnswers;
import fr.relais.gateway.web.receipt.JourneyReceipts;
import fr.relais.gateway.web.receipt.ReceiptView;
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
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.relais.gateway.api.OpenApiDocument.*;

/** The counter agent's screen: the site's queue and day sheet, check-in by resume code, claim, act, release. */
@Tag(name = DESK)
@Path("/guichet")
@RolesAllowed("counter-agent")
@Produces(MediaType.TEXT_HTML)
public class DeskPages {

    @Inject
    WebSession session;

    @Inject
    @RestClient
    JourneyServiceClient journeys;

    @Inject
    @RestClient
    AppointmentServiceClient appointments;

    @Inject
    JourneyActions actions;

    @Inject
    @RestClient
    NotificationServiceClient notifications;

    /** The end-of-journey survey the agent records and the difficulties she flags (issue 21), with her own token. */
    @Inject
    @RestClient
    MediationServiceClient mediation;

    /** The API's check-in (appointment or walk-in), reused as is: one rule for both screens. */
    @Inject
    DeskResource desk;

    @Location("desk/home.html")
    Template home;

    @Location("desk/journey.html")
    Template journeyPage;

    @Location("desk/receipt.html")
    Template receiptPage;

    @Inject
    JourneyReceipts receipts;

    @APIResponse(responseCode = "200", description = "The page", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @GET
    public Uni<TemplateInstance> home(@QueryParam("message") String message) {
        String site = session.site();
        return Uni.combine().all().unis(journeys.deskQueue(site),
                        appointments.daySheet(site, null).onFailure().recoverWithItem(List.of()))
                .asTuple().map(both -> home.data("nav", session.nav()).data("site", site)
                        .data("queue", DeskViews.queue(both.getItem1())).data("day", DeskViews.daySheet(both.getItem2()))
                        .data("refused", CallbackForm.CONFIRMED.equals(message) ? null : CommandMessages.text(message))
                        .data("confirmed", CallbackForm.CONFIRMED.equals(message) ? CallbackForm.CONFIRMATION : null)
                        .data("formKey", WebSession.formKey()));
    }

    /** The citizen is at the counter: found by resume code and check field, then their journey opens. */
    @APIResponse(responseCode = "303", description = "Post/redirect/get: the page again, with a message when something was refused")
    @POST
    @Path("/accueil")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> checkIn(@RestForm("csrf") String csrf, @RestForm("key") String key,
                                 @RestForm("resumeCode") String resumeCode, @RestForm("checkValue") String checkValue) {
        session.checkCsrf(csrf);
        String code = resumeCode == null ? "" : resumeCode.strip().toUpperCase(java.util.Locale.ROOT);
        return desk.checkIn(key, new Requests.ResumeCode(code, checkValue == null ? "" : checkValue.strip()))
                .map(response -> response.getStatus() == 200 && response.getEntity() instanceof DeskResource.CheckedIn checkedIn
                        ? see("/guichet/demarches/" + checkedIn.journeyId(), null)
                        : see("/guichet", "check-in-refused"))
                // unknown code, wrong check value, too many tries: the same words, so that codes cannot be probed
                .onFailure(failure -> failure instanceof WebApplicationException || failure instanceof fr.relais.problem.ProblemException)
                .recoverWithItem(failure -> see("/guichet", "check-in-refused"));
    }

    @APIResponse(responseCode = "200", description = "The page", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @GET
    @Path("/demarches/{id}")
    public Uni<TemplateInstance> journey(@PathParam("id") UUID id, @QueryParam("message") String message) {
        return page(id, Map.of(), Map.of(), ExperienceMessages.isOne(message) ? null : CallbackForm.text(message))
                .map(page -> page.data("experienceMessage", ExperienceMessages.forAgent(message)));
    }

    /** "Questionnaire de fin de démarche": the citizen's answers, asked aloud at the counter, recorded with channel desk. */
    @APIResponse(responseCode = "303", description = "Post/redirect/get: the page again, with a confirmation or what went wrong")
    @POST
    @Path("/demarches/{id}/questionnaire")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> survey(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        session.checkCsrf(form.getFirst("csrf"));
        return SurveyForm.send(mediation, id, form, SurveyForm.DESK).map(code -> see("/guichet/demarches/" + id, code));
    }

    /** "Signaler une difficulté": what was hard for the agent on this journey, in one click. */
    @APIResponse(responseCode = "303", description = "Post/redirect/get: the page again, with a confirmation or what went wrong")
    @POST
    @Path("/demarches/{id}/difficulte")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> flag(@PathParam("id") UUID id, @RestForm("csrf") String csrf, @RestForm("code") String code,
                              @RestForm("stepId") String stepId) {
        session.checkCsrf(csrf);
        return SurveyForm.sendFlag(mediation, id, code, stepId).map(message -> see("/guichet/demarches/" + id, message));
    }

    /** The receipt to print or download for the citizen (journey-service decides who may read it, and logs it). */
    @APIResponse(responseCode = "200", description = "The page", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @GET
    @Path("/demarches/{id}/recu")
    public Uni<TemplateInstance> receipt(@PathParam("id") UUID id) {
        String journey = "/guichet/demarches/" + id;
        return receipts.of(id).map(receipt -> ReceiptView.page(receiptPage, receipt, session.nav(),
                new ReceiptView.Links(journey + "/recu.pdf", journey)));
    }

    /** The same receipt as a PDF, opened in the browser, never cached. */
    @APIResponse(responseCode = "200", description = "The receipt, A4, in French", content = @Content(mediaType = "application/pdf",
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @GET
    @Path("/demarches/{id}/recu.pdf")
    @Produces("application/pdf")
    public Uni<Response> receiptPdf(@PathParam("id") UUID id) {
        return receipts.pdf(id).map(DeskResource::pdf);
    }

    /** "Faire rappeler l'usager": a call back on the record's number or one typed now, in the windows chosen. */
    @APIResponse(responseCode = "303", description = "Post/redirect/get: the desk's home with a confirmation, or the journey again with a message when it was refused")
    @POST
    @Path("/demarches/{id}/rappel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> callback(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        session.checkCsrf(form.getFirst("csrf"));
        return CallbackForm.send(journeys, id, form)
                .map(sent -> see("/guichet", CallbackForm.CONFIRMED))
                .onFailure(Refusal::isRefusal).recoverWithItem(failure -> see("/guichet/demarches/" + id, CallbackForm.messageOf(failure)));
    }

    @APIResponse(responseCode = "303", description = "Post/redirect/get: the page again, with a message when something was refused")
    @POST
    @Path("/demarches/{id}/prise-en-charge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> claim(@PathParam("id") UUID id, @RestForm("csrf") String csrf, @RestForm("key") String key) {
        session.checkCsrf(csrf);
        return actions.decide(session.actor(Channel.DESK), key, (commandId, now) ->
                        new fr.relais.events.journey.ClaimJourney(commandId, id, session.actor(Channel.DESK), now))
                .map(result -> see("/guichet/demarches/" + id, CommandMessages.refusal(result)));
    }

    @APIResponse(responseCode = "303", description = "Post/redirect/get: the page again, with a message when something was refused")
    @APIResponse(responseCode = "422", description = "The step again, each invalid field with its message", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @POST
    @Path("/demarches/{id}/etapes/{stepId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Object> submit(@PathParam("id") UUID id, @PathParam("stepId") String stepId, MultivaluedMap<String, String> form) {
        session.checkCsrf(form.getFirst("csrf"));
        Map<String, String> answers = StepSubmission.answers(form);
        return actions.submitStep(session.actor(Channel.DESK), form.getFirst("key"), id, stepId, answers).flatMap(result ->
                StepSubmission.fieldErrors(result)
                        .map(errors -> page(id, answers, errors, CommandMessages.text(CommandMessages.refusal(result))).map(StepSubmission::refused))
                        .orElseGet(() -> Uni.createFrom().item((Object) see("/guichet/demarches/" + id, CommandMessages.refusal(result)))));
    }

    /** Back to the citizen, who continues online where the desk left off. */
    @APIResponse(responseCode = "303", description = "Post/redirect/get: the page again, with a message when something was refused")
    @POST
    @Path("/demarches/{id}/liberation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> release(@PathParam("id") UUID id, @RestForm("csrf") String csrf, @RestForm("key") String key) {
        session.checkCsrf(csrf);
        return actions.decide(session.actor(Channel.DESK), key, (commandId, now) ->
                        new fr.relais.events.journey.ReleaseJourney(commandId, id, session.actor(Channel.DESK), now))
                .map(result -> result.pending() || CommandMessages.refusal(result) == null
                        ? see("/guichet", null) : see("/guichet/demarches/" + id, CommandMessages.refusal(result)));
    }

    private Uni<TemplateInstance> page(UUID id, Map<String, String> values, Map<String, String> errors, String message) {
        return journeys.journey(id).flatMap(journey -> Uni.combine().all().unis(journeys.procedure(journey.procedureId()),
                MessageViews.sentAbout(notifications, id), ExperienceViews.surveyOf(mediation, id, journey.status())).asTuple().map(both -> {
            ProcedureAnswers.Procedure definition = both.getItem1();
            StepForm.Procedure procedure = StepForm.procedure(definition);
            String current = journey.currentStep();
            Map<String, Map<String, String>> answers = JourneyTimeline.answers(journey);
            Map<String, String> shown = values.isEmpty() ? answers.getOrDefault(current, Map.of()) : values;
            return journeyPage.data("nav", session.nav()).data("id", id.toString()).data("procedure", procedure)
                    .data("status", Wording.text(journey.status())).data("statusLabel", Wording.status(journey.status()))
                    .data("mine", journey.claim() != null && journey.claim().mine())
                    .data("accessReason", Vocabulary.accessReason(journey.accessReason()))
                    .data("step", StepForm.currentStep(definition, procedure, current, shown, errors))
                    .data("errorCount", errors.size()).data("refused", message)
                    .data("timeline", JourneyTimeline.of(journey, procedure)).data("data", DeskViews.data(answers, procedure))
                    .data("windows", CallbackForm.windows()).data("reasons", CallbackForm.reasons())
                    .data("sent", both.getItem2())
                    .data("experienceMessage", null)
                    .data("survey", both.getItem3()).data("experienceBase", "/guichet/demarches/" + id)
                    .data("questions", SurveyForm.QUESTIONS).data("flagChoices", SurveyForm.FLAGS)
                    .data("commentLabel", "Son commentaire, s'il en a un").data("commentHint", SurveyForm.AGENT_COMMENT_HINT)
                    .data("formKey", WebSession.formKey());
        }));
    }

    private static Response see(String path, String reason) {
        return PostRedirectGet.to(path, reason);
    }
}
