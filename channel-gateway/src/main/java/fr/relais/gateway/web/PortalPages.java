package fr.relais.gateway.web;

import fr.relais.events.channel.Channel;
import fr.relais.events.channel.TouchpointKind;
import fr.relais.events.journey.Actor;
import fr.relais.events.journey.GrantMandate;
import fr.relais.events.journey.HandoffReasons;
import fr.relais.events.journey.MandateDuration;
import fr.relais.events.journey.RequestHandoff;
import fr.relais.events.journey.RevokeMandate;
import fr.relais.events.journey.StartJourney;
import fr.relais.gateway.api.JourneyActions;
import fr.relais.gateway.commands.CommandIds;
import fr.relais.gateway.downstream.AppointmentServiceClient;
import fr.relais.gateway.downstream.JourneyServiceClient;
import fr.relais.gateway.downstream.KnownSites;
import fr.relais.gateway.downstream.MediationServiceClient;
import fr.relais.gateway.downstream.PersonAnswers;
import fr.relais.gateway.downstream.ProcedureAnswers;
import fr.relais.gateway.touchpoints.JourneySteps;
import fr.relais.gateway.live.LiveUpdates;
import fr.relais.gateway.live.Watched;
import fr.relais.gateway.live.Watching;
import fr.relais.gateway.touchpoints.Touchpoints;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
import org.jboss.resteasy.reactive.RestStreamElementType;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.relais.gateway.api.OpenApiDocument.*;

/** The citizen's portal: my procedures, one procedure step by step, continuing elsewhere, live updates. */
@Tag(name = PORTAL)
@Path("/portail")
@RolesAllowed("citizen")
@Produces(MediaType.TEXT_HTML)
public class PortalPages {

    /** Sent by direct.js when it fetches the page after a live update: the citizen did not look at the step again. */
    static final String LIVE_REFRESH = "X-Relais-Live-Refresh";

    @Inject
    WebSession session;

    @Inject
    @RestClient
    JourneyServiceClient journeys;

    @Inject
    @RestClient
    AppointmentServiceClient appointments;

    /** The end-of-journey survey (issue 21), with her own token: mediation-service decides whether it is open to her. */
    @Inject
    @RestClient
    MediationServiceClient mediation;

    @Inject
    JourneyActions actions;

    @Inject
    Touchpoints touchpoints;

    @Inject
    Watching watching;

    @Inject
    JourneySteps steps;

    @Inject
    KnownSites sites;

    @Inject
    PortalIdentity identity;

    @Location("portal/home.html")
    Template home;

    @Location("portal/journey.html")
    Template journeyPage;

    @APIResponse(responseCode = "200", description = "The page", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @GET
    public Uni<TemplateInstance> home() {
        // first the identity: a FranceConnect sign-in may link her record, and its journeys then list below
        return identity.ofSession().flatMap(link -> Uni.combine().all()
                .unis(journeys.mine(), journeys.procedures(), journeys.followedAsAidant()).asTuple().map(all -> {
                    Map<String, StepForm.Procedure> procedures = PortalViews.procedures(all.getItem2());
                    return home.data("nav", session.nav()).data("mine", PortalViews.summaries(all.getItem1(), procedures))
                            .data("followed", PortalViews.summaries(all.getItem3(), procedures))
                            .data("waiting", PortalIdentity.waiting(link, procedures)).data("identityRefused", link.refused())
                            .data("procedures", procedures.values()).data("formKey", WebSession.formKey());
                }));
    }

    @APIResponse(responseCode = "303", description = "Post/redirect/get: the page again, with a message when something was refused")
    @POST
    @Path("/demarches")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> start(@RestForm("csrf") String csrf, @RestForm("key") String key, @RestForm("procedureId") String procedureId) {
        session.checkCsrf(csrf);
        Actor me = session.actor(Channel.PORTAL);
        UUID journeyId = CommandIds.newJourneyId(me.subject(), key);
        return actions.decide(me, key, (id, now) -> new StartJourney(id, journeyId, me, now, procedureId))
                .map(result -> seeJourney(journeyId, CommandMessages.refusal(result)));
    }

    @APIResponse(responseCode = "200", description = "The page", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @GET
    @Path("/demarches/{id}")
    public Uni<TemplateInstance> journey(@PathParam("id") UUID id, @jakarta.ws.rs.QueryParam("message") String message,
                                         @jakarta.ws.rs.HeaderParam(LIVE_REFRESH) String liveRefresh,
                                         @jakarta.ws.rs.QueryParam("via") String via) {
        // opened from the survey link of a text or an e-mail: her answers count as given from that message
        return page(id, Map.of(), Map.of(), message, null, liveRefresh == null)
                .map(page -> page.data("via", SurveyForm.citizenChannel(via)));
    }

    @APIResponse(responseCode = "303", description = "Post/redirect/get: the page again, with a message when something was refused")
    @APIResponse(responseCode = "422", description = "The step again, each invalid field with its message", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @POST
    @Path("/demarches/{id}/etapes/{stepId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Object> submit(@PathParam("id") UUID id, @PathParam("stepId") String stepId, MultivaluedMap<String, String> form) {
        session.checkCsrf(form.getFirst("csrf"));
        Map<String, String> answers = StepSubmission.answers(form);
        return actions.submitStep(session.actor(Channel.PORTAL), form.getFirst("key"), id, stepId, answers).flatMap(result ->
                StepSubmission.fieldErrors(result)
                        .map(errors -> page(id, answers, errors, null, CommandMessages.text(CommandMessages.refusal(result)), true)
                                .map(StepSubmission::refused))
                        .orElseGet(() -> Uni.createFrom().item((Object) seeJourney(id, CommandMessages.refusal(result)))));
    }

    /** "Continuer au guichet" (a chosen site) or "être rappelé" (the phone queue). */
    @APIResponse(responseCode = "303", description = "Post/redirect/get: the page again, with a message when something was refused")
    @POST
    @Path("/demarches/{id}/suite")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> handoff(@PathParam("id") UUID id, @RestForm("csrf") String csrf, @RestForm("key") String key,
                                 @RestForm("channel") String channel, @RestForm("site") String site) {
        session.checkCsrf(csrf);
        Channel target = "phone".equals(channel) ? Channel.PHONE : Channel.DESK;
        Actor me = session.actor(Channel.PORTAL);
        String chosenSite = target == Channel.DESK ? site : null;
        // a site from the list the page offers, nothing else: the site travels on Kafka
        Uni<Boolean> siteKnown = chosenSite == null ? Uni.createFrom().item(true) : sites.isKnown(chosenSite);
        return siteKnown.flatMap(known -> !known ? Uni.createFrom().item(seeJourney(id, "site-unknown"))
                : actions.decide(me, key, (commandId, now) -> new RequestHandoff(commandId, id, me, now, target, chosenSite,
                        HandoffReasons.CITIZEN_CHOICE)).map(result -> seeJourney(id, CommandMessages.refusal(result))));
    }

    /** "Être rappelé": a call back on the number she gives (or her record's), in the windows she chose, with her consent. */
    @APIResponse(responseCode = "303", description = "Post/redirect/get: the page again, with a confirmation or a message when it was refused")
    @POST
    @Path("/demarches/{id}/rappel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> callback(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        session.checkCsrf(form.getFirst("csrf"));
        // her own journey first (404 otherwise), as the API does
        return journeys.journey(id).flatMap(journey -> CallbackForm.send(journeys, id, form))
                .map(sent -> seeJourney(id, CallbackForm.CONFIRMED))
                .onFailure(failure -> Refusal.isRefusal(failure) && Refusal.of(failure).orElseThrow().status() != 404)
                .recoverWithItem(failure -> seeJourney(id, CallbackForm.messageOf(failure)));
    }

    /** "J'ai besoin d'aide": a friction signal for the mediators, the journey itself does not change. */
    @APIResponse(responseCode = "303", description = "Post/redirect/get: the page again, with a message when something was refused")
    @POST
    @Path("/demarches/{id}/aide")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> help(@PathParam("id") UUID id, @RestForm("csrf") String csrf, @RestForm("stepId") String stepId) {
        session.checkCsrf(csrf);
        // only about the caller's own journey: journey-service answers 404 otherwise
        return journeys.journey(id).flatMap(journey -> steps.stepsOf(journey).map(known -> {
            // the form names its step; a form without one (or naming no step of this journey) asks for help with
            // wherever the journey stands, as journey-service says
            String step = known.contains(stepId) ? stepId : Wording.text(journey.currentStep());
            touchpoints.emit(id, TouchpointKind.HELP_REQUESTED, known.contains(step) ? step : "journey", Channel.PORTAL, null, 1);
            return seeJourney(id, "aide");
        }));
    }

    /** A mandate: the citizen lets the agents of one site act on this procedure for a limited time. */
    @APIResponse(responseCode = "303", description = "Post/redirect/get: the page again, with a message when something was refused")
    @POST
    @Path("/demarches/{id}/mandats")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> grant(@PathParam("id") UUID id, @RestForm("csrf") String csrf, @RestForm("key") String key,
                               @RestForm("site") String site, @RestForm("duration") String duration) {
        session.checkCsrf(csrf);
        MandateDuration length;
        try {
            length = MandateDuration.valueOf(duration == null ? "" : duration);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().item(seeJourney(id, "mandate-scope-invalid"));
        }
        Actor me = session.actor(Channel.PORTAL);
        return sites.isKnown(site).flatMap(known -> !known ? Uni.createFrom().item(seeJourney(id, "site-unknown"))
                : journeys.journey(id).flatMap(journey -> actions.decide(me, key, (commandId, now) ->
                                new GrantMandate(commandId, id, me, now, site, Wording.text(journey.procedureId()), length)))
                        .map(result -> seeJourney(id, CommandMessages.refusal(result) == null ? "mandat" : CommandMessages.refusal(result))));
    }

    /**
     * A relative or an aidant with a Relais account, named by his exact names and birth date, may act for her on this
     * journey until the chosen date (journey-service finds him and decides).
     */
    @APIResponse(responseCode = "303", description = "Post/redirect/get: the page again, with a confirmation or a message when it was refused")
    @POST
    @Path("/demarches/{id}/aidant")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> nameAidant(@PathParam("id") UUID id, @RestForm("csrf") String csrf, @RestForm("givenNames") String givenNames,
                                    @RestForm("familyName") String familyName, @RestForm("birthDate") String birthDate,
                                    @RestForm("duration") String duration) {
        session.checkCsrf(csrf);
        if (Wording.text(givenNames).isBlank() || Wording.text(familyName).isBlank() || Wording.text(birthDate).isBlank()
                || !java.util.Set.of("ONE_DAY", "ONE_WEEK", "ONE_MONTH").contains(String.valueOf(duration))) {
            return Uni.createFrom().item(seeJourney(id, "aidant-invalid"));
        }
        return journeys.nameAidant(id, new PersonAnswers.AidantNaming(givenNames.strip(), familyName.strip(), birthDate.strip(), duration))
                .map(named -> seeJourney(id, "aidant"))
                .onFailure(Refusal::isRefusal).recoverWithItem(failure -> {
                    Refusal refusal = Refusal.of(failure).orElseThrow();
                    return seeJourney(id, refusal.status() == 400 ? "aidant-invalid" : refusal.code());
                });
    }

    /**
     * Her answers to the end-of-journey survey, sent as she gave them (each optional) with channel portal (or sms / email
     * when she came from the survey link of a message); mediation-service
     * removes any personal data from the comment. Whatever it answers, she gets a sentence back, never an error page.
     */
    @APIResponse(responseCode = "303", description = "Post/redirect/get: the page again, with thanks or what went wrong")
    @POST
    @Path("/demarches/{id}/questionnaire")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> survey(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        session.checkCsrf(form.getFirst("csrf"));
        return SurveyForm.send(mediation, id, form, SurveyForm.citizenChannel(form.getFirst("via"))).map(code -> seeJourney(id, code));
    }

    /** Messages that confirm what the citizen did (any other message names a refusal). */
    private static final java.util.Set<String> CONFIRMATIONS = java.util.Set.of("aide", "mandat", "mandat-retire", "aidant",
            CallbackForm.CONFIRMED, PortalAttachPages.ATTACHED);

    /** The citizen withdraws a mandate: the site's agents lose that reason to act at once. */
    @APIResponse(responseCode = "303", description = "Post/redirect/get: the page again, with a message when something was refused")
    @POST
    @Path("/demarches/{id}/mandats/{mandateId}/retrait")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> revoke(@PathParam("id") UUID id, @PathParam("mandateId") UUID mandateId, @RestForm("csrf") String csrf,
                                @RestForm("key") String key) {
        session.checkCsrf(csrf);
        Actor me = session.actor(Channel.PORTAL);
        return actions.decide(me, key, (commandId, now) -> new RevokeMandate(commandId, id, me, now, mandateId))
                .map(result -> seeJourney(id, CommandMessages.refusal(result) == null ? "mandat-retire" : CommandMessages.refusal(result)));
    }

    /** Server-sent events: the page refreshes its state when an agent or a mediator acts. */
    @APIResponse(responseCode = "200", description = "Server-sent events, one per change of the journey",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = LiveUpdates.Update.class)))
    @GET
    @Path("/demarches/{id}/direct")
    @Watched
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<LiveUpdates.Update> live(@PathParam("id") UUID id) {
        // journey-service decided before the stream opened (Watched) whether this journey is theirs, and keeps deciding
        return watching.watch(id);
    }

    private Uni<TemplateInstance> page(UUID id, Map<String, String> values, Map<String, String> errors, String message, String problem,
                                      boolean viewed) {
        // "Passer": the survey is left out of this page, and nothing is asked of mediation-service
        boolean skipped = ExperienceMessages.SURVEY_SKIPPED.equals(message);
        return journeys.journey(id).flatMap(journey -> Uni.combine().all()
                .unis(journeys.procedure(journey.procedureId()), journeys.accessLog(id),
                        appointments.sites(null).onFailure().recoverWithItem(List.of()),
                        skipped ? Uni.createFrom().item(ExperienceViews.SurveyOffer.NOTHING)
                                : ExperienceViews.surveyOf(mediation, id, journey.status()))
                .asTuple().map(all -> {
                    ProcedureAnswers.Procedure definition = all.getItem1();
                    StepForm.Procedure procedure = StepForm.procedure(definition);
                    String current = journey.currentStep();
                    Map<String, String> shown = values.isEmpty() ? JourneyTimeline.answers(journey).getOrDefault(current, Map.of()) : values;
                    StepForm.Step step = StepForm.currentStep(definition, procedure, current, shown, errors);
                    // journey-service says whether she may act now: the page neither offers the form nor counts a view otherwise
                    boolean mayAct = journey.citizenMayAct();
                    if (viewed && step != null && mayAct) {
                        touchpoints.emit(id, TouchpointKind.STEP_VIEWED, current, Channel.PORTAL, null, 1);
                    }
                    return journeyPage.data("nav", session.nav()).data("id", id.toString()).data("procedure", procedure)
                            .data("status", Wording.text(journey.status())).data("statusLabel", Wording.status(journey.status()))
                            .data("resumeCode", journey.resumeCode())
                            .data("step", step)
                            .data("editable", mayAct)
                            .data("errorCount", errors.size()).data("problem", problem)
                            .data("helpSent", "aide".equals(message)).data("mandateGranted", "mandat".equals(message))
                            .data("mandateRevoked", "mandat-retire".equals(message)).data("aidantNamed", "aidant".equals(message))
                            .data("callbackRequested", CallbackForm.CONFIRMED.equals(message))
                            .data("attached", PortalAttachPages.ATTACHED.equals(message))
                            .data("windows", CallbackForm.windows()).data("reasons", CallbackForm.reasons())
                            .data("mandates", PortalViews.runningMandates(journey))
                            .data("refused", CONFIRMATIONS.contains(String.valueOf(message)) || ExperienceMessages.isOne(message) ? null
                                    : CallbackForm.text(message))
                            .data("survey", all.getItem4()).data("surveyMessage", ExperienceMessages.forCitizen(message))
                            .data("questions", SurveyForm.QUESTIONS).data("commentLabel", "Un commentaire ?")
                            .data("commentHint", SurveyForm.COMMENT_HINT).data("via", SurveyForm.PORTAL)
                            .data("timeline", JourneyTimeline.of(journey, procedure)).data("accessLog", PortalViews.accessLog(all.getItem2()))
                            .data("sites", PortalViews.sites(all.getItem3())).data("formKey", WebSession.formKey());
                }));
    }

    /** Post/redirect/get: the journey page again, with a refusal to show if there was one. */
    private static Response seeJourney(UUID id, String message) {
        return PostRedirectGet.to("/portail/demarches/" + id, message);
    }
}
