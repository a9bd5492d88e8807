package fr.relais.gateway.web;

import fr.relais.events.channel.Channel;
import fr.relais.events.journey.Actor;
import fr.relais.events.journey.CallbackOutcomes;
import fr.relais.events.journey.ClaimJourney;
import fr.relais.events.journey.ReleaseJourney;
import fr.relais.gateway.api.JourneyActions;
import fr.relais.gateway.api.PersonJourneys;
import fr.relais.gateway.api.PhoneResource;
import fr.relais.gateway.api.Requests;
import fr.relais.gateway.commands.CommandResponses;
import fr.relais.gateway.config.GatewayConfig;
import fr.relais.gateway.downstream.CallbackAnswers;
import fr.relais.gateway.downstream.JourneyServiceClient;
import fr.relais.gateway.downstream.MediationServiceClient;
import fr.relais.gateway.downstream.NotificationServiceClient;
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
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static fr.relais.gateway.api.OpenApiDocument.*;

/**
 * The phone agent's console: verify a caller, the call backs to make, a new journey for a caller without an account,
 * the phone queue; and a journey's page, to act on its phone steps while the call's verification runs.
 * Personal data (names, birth dates, numbers) is only ever in page bodies, never in a URL or a log line.
 */
@Tag(name = PHONE)
@Path("/telephone")
@RolesAllowed("phone-agent")
@Produces(MediaType.TEXT_HTML)
public class PhonePages {

    @Inject
    WebSession session;

    @Inject
    @RestClient
    JourneyServiceClient journeys;

    /** Whether the caller was written to (a call back planned, an appointment reminded): codes and times only. */
    @Inject
    @RestClient
    NotificationServiceClient notifications;

    /** The end-of-journey survey the agent records and the difficulties she flags (issue 21), with her own token. */
    @Inject
    @RestClient
    MediationServiceClient mediation;

    @Inject
    JourneyActions actions;

    @Inject
    PersonJourneys personJourneys;

    /** The API's verification, reused as is: one rule for both. */
    @Inject
    PhoneResource phone;

    @Inject
    GatewayConfig config;

    @Location("phone/home.html")
    Template home;

    @Location("phone/person.html")
    Template personPage;

    @Location("phone/journey.html")
    Template journeyPage;

    @APIResponse(responseCode = "200", description = "The page", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @GET
    public Uni<TemplateInstance> home(@QueryParam("message") String message) {
        return Uni.combine().all().unis(journeys.procedures(), journeys.callbacks(),
                        journeys.phoneQueue().onFailure(WebApplicationException.class).recoverWithItem(List.of()))
                .asTuple().map(all -> {
                    Map<String, StepForm.Procedure> procedures = PortalViews.procedures(all.getItem1());
                    return home.data("nav", session.nav()).data("message", PhoneMessages.of(message))
                            .data("callbacks", PhoneViews.callbacks(all.getItem2(), procedures))
                            .data("queue", PhoneViews.queue(all.getItem3(), procedures))
                            .data("outcomes", OUTCOMES).data("search", null).data("formKey", WebSession.formKey());
                });
    }

    /** The four results of a call, in the order an agent meets them. */
    private static final List<Option> OUTCOMES = CallbackOutcomes.all().stream()
            .map(code -> new Option(code, Vocabulary.callbackOutcome(code))).toList();

    /** The caller gives her resume code and birth date: her journey opens for the call's time box. */
    @APIResponse(responseCode = "303", description = "Post/redirect/get: the journey, or the console with what went wrong")
    @POST
    @Path("/verification")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> verify(@RestForm("csrf") String csrf, @RestForm("key") String key,
                                @RestForm("resumeCode") String resumeCode, @RestForm("checkValue") String checkValue) {
        session.checkCsrf(csrf);
        String code = resumeCode == null ? "" : resumeCode.strip().toUpperCase(Locale.ROOT);
        String check = checkValue == null ? "" : checkValue.strip();
        if (code.isEmpty() || check.isEmpty()) {
            return Uni.createFrom().item(see("/telephone", "verification-incomplete"));
        }
        return phone.verify(key, new Requests.ResumeCode(code, check))
                .map(response -> {
                    UUID journeyId = response.getEntity() instanceof CommandResponses.Accepted accepted ? accepted.journeyId()
                            : response.getEntity() instanceof CommandResponses.Pending pending ? pending.journeyId() : null;
                    return journeyId != null ? see("/telephone/demarches/" + journeyId, null) : see("/telephone", "not-allowed");
                })
                .onFailure(WebApplicationException.class).recoverWithItem(failure -> {
                    Refusal refusal = Refusal.read((WebApplicationException) failure);
                    String reason = refusal.is("resume-code-locked") || refusal.is("too-many-lookups") ? refusal.code()
                            : refusal.status() == 400 ? "verification-incomplete" : "no-match";
                    return see("/telephone", reason);
                });
    }

    /** The agent takes a call back: its number is hers to call, for a while. */
    @APIResponse(responseCode = "303", description = "Post/redirect/get: the console, the call back with its number")
    @POST
    @Path("/rappels/{id}/prise")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> take(@PathParam("id") UUID id, @RestForm("csrf") String csrf) {
        session.checkCsrf(csrf);
        return journeys.takeCallback(id).map(taken -> see("/telephone", "rappel-pris"))
                .onFailure(WebApplicationException.class).recoverWithItem(failure -> {
                    Refusal refusal = Refusal.read((WebApplicationException) failure);
                    return see("/telephone", refusal.is("callback-taken") ? "rappel-deja-pris" : "rappel-introuvable");
                });
    }

    /** What came of the call. Reached: the journey opens, the agent acts on it as after a verified call. */
    @APIResponse(responseCode = "303", description = "Post/redirect/get: the journey when reached, the console otherwise")
    @POST
    @Path("/rappels/{id}/tentative")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> attempt(@PathParam("id") UUID id, @RestForm("csrf") String csrf, @RestForm("outcome") String outcome) {
        session.checkCsrf(csrf);
        if (!CallbackOutcomes.isKnown(outcome)) {
            return Uni.createFrom().item(see("/telephone", "issue-inconnue"));
        }
        return journeys.callbackAttempt(id, new CallbackAnswers.Attempt(outcome))
                .map(result -> CallbackOutcomes.REACHED.equals(outcome)
                        ? see("/telephone/demarches/" + result.journeyId(), "rappel-joint")
                        : see("/telephone", "rappel-" + outcome))
                .onFailure(WebApplicationException.class).recoverWithItem(failure -> {
                    Refusal refusal = Refusal.read((WebApplicationException) failure);
                    return see("/telephone", refusal.is("callback-not-taken") ? "rappel-non-pris"
                            : refusal.status() == 404 ? "rappel-introuvable" : refusal.code());
                });
    }

    /** An exact search by names and birth date; not found, the page offers to record her as she declares herself. */
    @APIResponse(responseCode = "200", description = "The person found, or the form to record her", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "422", description = "The search again, each invalid field with its message", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @POST
    @Path("/personnes/recherche")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Object> search(@RestForm("csrf") String csrf, @RestForm("givenNames") String givenNames,
                              @RestForm("familyName") String familyName, @RestForm("birthDate") String birthDate) {
        session.checkCsrf(csrf);
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.add("givenNames", givenNames);
        form.add("familyName", familyName);
        form.add("birthDate", birthDate);
        Map<String, String> search = PersonForm.values(form);
        return journeys.procedures().map(PortalViews::procedures).flatMap(procedures ->
                journeys.searchPerson(PersonForm.searchOf(form))
                        .map(found -> (Object) personPage(procedures, search).data("person", PersonForm.card(found, procedures)))
                        .onFailure(WebApplicationException.class).recoverWithItem(failure -> {
                            Refusal refusal = Refusal.read((WebApplicationException) failure);
                            if (refusal.is("person-not-found")) {
                                return personPage(procedures, search).data("notFound", true)
                                        .data("form", PersonForm.fields(PersonForm.PHONE, search));
                            }
                            return StepSubmission.refused(personPage(procedures, search)
                                    .data("searchErrors", PersonForm.searchErrors(PersonForm.PHONE, search, refusal.fieldErrors())));
                        }));
    }

    /**
     * Gives or withdraws one of her consents on her word ({@code choix}: {@code donner:<purpose>} or
     * {@code retirer:<purpose>}), then shows her card again with the change or why it was refused.
     */
    @APIResponse(responseCode = "200", description = "The person again, her consents as they are now", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @POST
    @Path("/personnes/{id}/accords")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Object> consent(@PathParam("id") UUID id, @RestForm("csrf") String csrf, @RestForm("choix") String choice) {
        session.checkCsrf(csrf);
        StaffConsentChoice chosen = StaffConsentChoice.of(choice);
        Map<String, String> search = PersonForm.values(new MultivaluedHashMap<>());
        return journeys.procedures().map(PortalViews::procedures).flatMap(procedures ->
                (chosen.give() ? journeys.givePersonConsent(id, chosen.purpose()) : journeys.withdrawPersonConsent(id, chosen.purpose()))
                        .map(person -> (Object) personPage(procedures, search).data("person", PersonForm.card(person, procedures))
                                .data("consentChanged", true))
                        .onFailure(WebApplicationException.class).recoverWithItem(failure -> personPage(procedures, search)
                                .data("refused", ProblemMessages.text(Refusal.read((WebApplicationException) failure).code()))));
    }

    /** Records the caller as she declares herself (identity "declared", not checked), then offers to start. */
    @APIResponse(responseCode = "200", description = "The person recorded, with the procedures to start", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "409", description = "Already recorded: the search again", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "422", description = "The form again, each invalid field with its message", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @POST
    @Path("/personnes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Object> create(MultivaluedMap<String, String> form) {
        session.checkCsrf(form.getFirst("csrf"));
        Map<String, String> search = PersonForm.values(form);
        return journeys.procedures().map(PortalViews::procedures).flatMap(procedures -> journeys.createPerson(PersonForm.draft(form))
                .map(created -> (Object) personPage(procedures, search).data("person", PersonForm.card(created, procedures))
                        .data("created", true))
                .onFailure(WebApplicationException.class).recoverWithItem(failure -> {
                    Refusal refusal = Refusal.read((WebApplicationException) failure);
                    if (refusal.is("duplicate-person")) {
                        return Response.status(409).entity(personPage(procedures, search)
                                .data("refused", ProblemMessages.text(refusal.code()))).build();
                    }
                    return StepSubmission.refused(personPage(procedures, search).data("notFound", true)
                            .data("form", PersonForm.fields(PersonForm.PHONE, form, refusal.fieldErrors())));
                }));
    }

    /** Starts the chosen procedure for the person on the call: the journey is this agent's, its call verified. */
    @APIResponse(responseCode = "303", description = "Post/redirect/get: the new journey, or the console with what went wrong")
    @POST
    @Path("/demarches")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> start(@RestForm("csrf") String csrf, @RestForm("key") String key, @RestForm("procedureId") String procedureId,
                               @RestForm("personId") String personId) {
        session.checkCsrf(csrf);
        UUID person;
        try {
            person = UUID.fromString(personId == null ? "" : personId);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().item(see("/telephone", "person-required"));
        }
        if (procedureId == null || procedureId.isBlank()) {
            return Uni.createFrom().item(see("/telephone", "procedure-required"));
        }
        if (!Requests.isStepId(procedureId)) {
            return Uni.createFrom().item(see("/telephone", "unknown-procedure"));
        }
        return personJourneys.start(session.actor(Channel.PHONE), key, procedureId, person)
                .map(result -> {
                    String refusal = CommandMessages.refusal(result);
                    return refusal == null ? see("/telephone/demarches/" + result.journeyId(), null) : see("/telephone", refusal);
                });
    }

    @APIResponse(responseCode = "200", description = "The page", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "303", description = "The journey is out of reach (the call's verification ended): back to the console")
    @GET
    @Path("/demarches/{id}")
    public Uni<Object> journey(@PathParam("id") UUID id, @QueryParam("message") String message) {
        PhoneMessages.Message words = ExperienceMessages.isOne(message) ? ExperienceMessages.forAgent(message) : PhoneMessages.of(message);
        return page(id, Map.of(), Map.of(), words).map(page -> (Object) page)
                .onFailure(failure -> failure instanceof WebApplicationException web && web.getResponse().getStatus() == 404)
                .recoverWithItem(failure -> see("/telephone", "demarche-hors-delai"));
    }

    /** "Questionnaire de fin de démarche": the caller's answers, asked aloud on the call, recorded with channel phone. */
    @APIResponse(responseCode = "303", description = "Post/redirect/get: the page again, with a confirmation or what went wrong")
    @POST
    @Path("/demarches/{id}/questionnaire")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> survey(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        session.checkCsrf(form.getFirst("csrf"));
        return SurveyForm.send(mediation, id, form, SurveyForm.PHONE).map(code -> see("/telephone/demarches/" + id, code));
    }

    /** "Signaler une difficulté": what was hard for the agent on this journey, in one click. */
    @APIResponse(responseCode = "303", description = "Post/redirect/get: the page again, with a confirmation or what went wrong")
    @POST
    @Path("/demarches/{id}/difficulte")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> flag(@PathParam("id") UUID id, @RestForm("csrf") String csrf, @RestForm("code") String code,
                              @RestForm("stepId") String stepId) {
        session.checkCsrf(csrf);
        return SurveyForm.sendFlag(mediation, id, code, stepId).map(message -> see("/telephone/demarches/" + id, message));
    }

    @APIResponse(responseCode = "303", description = "Post/redirect/get: the page again, with a message when something was refused")
    @POST
    @Path("/demarches/{id}/prise-en-charge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> claim(@PathParam("id") UUID id, @RestForm("csrf") String csrf, @RestForm("key") String key) {
        session.checkCsrf(csrf);
        Actor me = session.actor(Channel.PHONE);
        return actions.decide(me, key, (commandId, now) -> new ClaimJourney(commandId, id, me, now))
                .map(result -> see("/telephone/demarches/" + id, CommandMessages.refusal(result)));
    }

    @APIResponse(responseCode = "303", description = "Post/redirect/get: the page again, with a message when something was refused")
    @APIResponse(responseCode = "422", description = "The step again, each invalid field with its message", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @POST
    @Path("/demarches/{id}/etapes/{stepId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Object> submit(@PathParam("id") UUID id, @PathParam("stepId") String stepId, MultivaluedMap<String, String> form) {
        session.checkCsrf(form.getFirst("csrf"));
        Map<String, String> answers = StepSubmission.answers(form);
        return actions.submitStep(session.actor(Channel.PHONE), form.getFirst("key"), id, stepId, answers).flatMap(result ->
                StepSubmission.fieldErrors(result)
                        .map(errors -> page(id, answers, errors, PhoneMessages.of(CommandMessages.refusal(result))).map(StepSubmission::refused))
                        .orElseGet(() -> Uni.createFrom().item((Object) see("/telephone/demarches/" + id, CommandMessages.refusal(result)))));
    }

    /** "Rendre la main": the journey goes back to the citizen, who continues online or calls again. */
    @APIResponse(responseCode = "303", description = "Post/redirect/get: the console, or the page again with a message when refused")
    @POST
    @Path("/demarches/{id}/liberation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> release(@PathParam("id") UUID id, @RestForm("csrf") String csrf, @RestForm("key") String key) {
        session.checkCsrf(csrf);
        Actor me = session.actor(Channel.PHONE);
        return actions.decide(me, key, (commandId, now) -> new ReleaseJourney(commandId, id, me, now))
                .map(result -> result.pending() || CommandMessages.refusal(result) == null
                        ? see("/telephone", "demarche-rendue") : see("/telephone/demarches/" + id, CommandMessages.refusal(result)));
    }

    private TemplateInstance personPage(Map<String, StepForm.Procedure> procedures, Map<String, String> search) {
        return personPage.data("nav", session.nav()).data("search", search).data("procedures", PersonForm.procedureOptions(procedures))
                .data("person", null).data("notFound", false).data("refused", null).data("created", false)
                .data("searchErrors", List.of()).data("form", null).data("formKey", WebSession.formKey());
    }

    private Uni<TemplateInstance> page(UUID id, Map<String, String> values, Map<String, String> errors, PhoneMessages.Message message) {
        return journeys.journey(id).flatMap(journey -> Uni.combine().all().unis(journeys.procedure(journey.procedureId()),
                MessageViews.sentAbout(notifications, id), ExperienceViews.surveyOf(mediation, id, journey.status())).asTuple().map(both -> {
            ProcedureAnswers.Procedure definition = both.getItem1();
            StepForm.Procedure procedure = StepForm.procedure(definition);
            String current = journey.currentStep();
            Map<String, Map<String, String>> answers = JourneyTimeline.answers(journey);
            Map<String, String> shown = values.isEmpty() ? answers.getOrDefault(current, Map.of()) : values;
            Instant until = VerificationTimeBox.end(journey, config.callerVerification()).orElse(null);
            boolean running = until != null && until.isAfter(Instant.now());
            boolean mine = journey.claim() != null && journey.claim().mine();
            ProcedureAnswers.Step currentStep = current == null ? null : definition.step(current);
            boolean onPhone = currentStep != null && currentStep.channels().contains("phone");
            return journeyPage.data("nav", session.nav()).data("id", id.toString()).data("procedure", procedure)
                    .data("statusLabel", Wording.status(journey.status()))
                    .data("mine", mine).data("accessReason", Vocabulary.accessReason(journey.accessReason()))
                    .data("verifiedUntil", running ? PhoneViews.time(until) : null).data("verificationOver", until != null && !running)
                    .data("step", onPhone && (running || mine) ? StepForm.currentStep(definition, procedure, current, shown, errors) : null)
                    .data("notOnPhone", currentStep != null && !onPhone).data("currentTitle", procedure.stepTitle(current))
                    .data("errorCount", errors.size()).data("message", message)
                    .data("timeline", JourneyTimeline.of(journey, procedure)).data("data", DeskViews.data(answers, procedure))
                    .data("sent", both.getItem2())
                    .data("survey", both.getItem3()).data("experienceBase", "/telephone/demarches/" + id)
                    .data("questions", SurveyForm.QUESTIONS).data("flagChoices", SurveyForm.FLAGS)
                    .data("commentLabel", "Son commentaire, s'il en a un").data("commentHint", SurveyForm.AGENT_COMMENT_HINT)
                    .data("formKey", WebSession.formKey());
        }));
    }

    private static Response see(String path, String reason) {
        return PostRedirectGet.to(path, reason);
    }
}
