package fr.relais.gateway.api;

import fr.relais.events.channel.Channel;
import fr.relais.events.channel.TouchpointKind;
import fr.relais.events.journey.Actor;
import fr.relais.events.journey.GrantMandate;
import fr.relais.events.journey.HandoffReasons;
import fr.relais.events.journey.MandateDuration;
import fr.relais.events.journey.RequestHandoff;
import fr.relais.events.journey.RevokeMandate;
import fr.relais.events.journey.StartJourney;
import fr.relais.gateway.commands.CommandIds;
import fr.relais.gateway.downstream.CallbackAnswers;
import fr.relais.gateway.downstream.JourneyAnswers;
import fr.relais.gateway.downstream.ConsentAnswers;
import fr.relais.gateway.downstream.CorrectionAnswers;
import fr.relais.gateway.downstream.ErasureAnswers;
import fr.relais.gateway.downstream.IdentityAnswers;
import fr.relais.gateway.downstream.JourneyServiceClient;
import fr.relais.gateway.downstream.PersonAnswers;
import fr.relais.gateway.downstream.ProcedureAnswers;
import fr.relais.gateway.downstream.KnownSites;
import fr.relais.gateway.touchpoints.JourneySteps;
import fr.relais.gateway.touchpoints.SignalRateLimit;
import fr.relais.gateway.touchpoints.Touchpoints;
import fr.relais.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import static fr.relais.gateway.api.OpenApiDocument.*;

/** The citizen's portal API: their own journeys only (journey-service enforces it with their token). */
@Tag(name = PORTAL)
@Path("/api/portal")
@RolesAllowed("citizen")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PortalResource {

    @Inject
    MyData myData;

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @Inject
    @RestClient
    JourneyServiceClient journeys;

    @Inject
    JourneyActions actions;

    @Inject
    Touchpoints touchpoints;

    private static final Map<String, TouchpointKind> CLIENT_SIGNALS = Map.of(
            "step-idle", TouchpointKind.STEP_IDLE, "session-abandoned", TouchpointKind.SESSION_ABANDONED);

    @Inject
    SignalRateLimit rateLimit;

    @Inject
    JourneySteps steps;

    @Inject
    KnownSites sites;

    private Actor me() {
        return Callers.actor(identity, token, Channel.PORTAL);
    }

    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = ProcedureAnswers.Procedure.class)))
    @GET
    @Path("/procedures")
    public Uni<List<ProcedureAnswers.Procedure>> procedures() {
        return journeys.procedures();
    }

    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = JourneyAnswers.Summary.class)))
    @GET
    @Path("/journeys")
    public Uni<List<JourneyAnswers.Summary>> mine() {
        return journeys.mine();
    }

    @APIResponse(responseCode = "200", ref = COMMAND_ACCEPTED)
    @APIResponse(responseCode = "202", ref = COMMAND_PENDING)
    @APIResponse(responseCode = "404")
    @APIResponse(responseCode = "409")
    @POST
    @Path("/journeys")
    public Uni<Response> start(@HeaderParam(CommandIds.IDEMPOTENCY_KEY) String key, Requests.StartJourney body) {
        if (body == null || body.procedureId() == null || body.procedureId().isBlank()) {
            throw new IllegalArgumentException("procedureId is required");
        }
        Actor me = me();
        UUID journeyId = CommandIds.newJourneyId(me.subject(), key);
        return actions.send(me, key, (id, now) -> new StartJourney(id, journeyId, me, now, body.procedureId()));
    }

    /** The journey with its timeline and resume code; viewing its current step is a touchpoint. */
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = JourneyAnswers.Detail.class)))
    @GET
    @Path("/journeys/{id}")
    public Uni<JourneyAnswers.Detail> journey(@PathParam("id") UUID id) {
        return journeys.journey(id).invoke(journey -> {
            if (journey.currentStep() != null) {
                touchpoints.emit(id, TouchpointKind.STEP_VIEWED, journey.currentStep(), Channel.PORTAL, null, 1);
            }
        });
    }

    @APIResponse(responseCode = "200", ref = COMMAND_ACCEPTED)
    @APIResponse(responseCode = "202", ref = COMMAND_PENDING)
    @APIResponse(responseCode = "409")
    @POST
    @Path("/journeys/{id}/steps/{stepId}")
    public Uni<Response> submit(@HeaderParam(CommandIds.IDEMPOTENCY_KEY) String key, @PathParam("id") UUID id,
                                @PathParam("stepId") String stepId, Requests.Answers body) {
        return actions.submitStep(me(), key, id, stepId, body);
    }

    @APIResponse(responseCode = "200", ref = COMMAND_ACCEPTED)
    @APIResponse(responseCode = "202", ref = COMMAND_PENDING)
    @APIResponse(responseCode = "409")
    @POST
    @Path("/journeys/{id}/back")
    public Uni<Response> back(@HeaderParam(CommandIds.IDEMPOTENCY_KEY) String key, @PathParam("id") UUID id, Requests.GoBack body) {
        return actions.goBack(me(), key, id, body);
    }

    /** Continue elsewhere: a desk at a chosen site, or a phone call-back. */
    @APIResponse(responseCode = "200", ref = COMMAND_ACCEPTED)
    @APIResponse(responseCode = "202", ref = COMMAND_PENDING)
    @APIResponse(responseCode = "409")
    @POST
    @Path("/journeys/{id}/handoff")
    public Uni<Response> handoff(@HeaderParam(CommandIds.IDEMPOTENCY_KEY) String key, @PathParam("id") UUID id, Requests.Handoff body) {
        if (body == null) {
            throw new IllegalArgumentException("channel is required");
        }
        Channel target = JourneyActions.channelOf(body.channel());
        // a code from the closed list, never the caller's text: the reason travels on Kafka
        String reason = body.reason() == null || body.reason().isBlank() ? HandoffReasons.CITIZEN_CHOICE : body.reason();
        if (!HandoffReasons.isKnown(reason)) {
            throw ProblemException.invalidField("reason", "reason must be one of " + new TreeSet<>(HandoffReasons.all()));
        }
        Actor me = me();
        Uni<Void> siteChecked = body.site() == null ? Uni.createFrom().voidItem() : sites.requireKnown("site", body.site());
        return siteChecked.flatMap(known ->
                actions.send(me, key, (commandId, now) -> new RequestHandoff(commandId, id, me, now, target, body.site(), reason)));
    }

    /** "I need help": a friction signal for mediation, no state change. */
    @APIResponse(responseCode = "202", description = "The plea for help is on its way to the mediators")
    @POST
    @Path("/journeys/{id}/help")
    public Uni<Response> help(@PathParam("id") UUID id, Requests.Help body) {
        if (body == null || !Requests.isStepId(body.stepId())) {
            throw new IllegalArgumentException("stepId is required: the step the citizen needs help with");
        }
        // only about the caller's own journey (journey-service answers 404 otherwise), and one of its steps
        return steps.journeyWithStep(id, "stepId", body.stepId()).map(journey -> {
            touchpoints.emit(id, TouchpointKind.HELP_REQUESTED, body.stepId(), Channel.PORTAL, null, 1);
            return Response.accepted().build();
        });
    }

    /** Signals only the browser can see (a step left idle, a session abandoned), validated and rate-limited. */
    @APIResponse(responseCode = "202", description = "The signal is on its way to the mediators")
    @APIResponse(responseCode = "429")
    @POST
    @Path("/journeys/{id}/signals")
    public Uni<Response> signal(@PathParam("id") UUID id, Requests.Signal body) {
        // Map.of refuses a null key: a body without kind is a bad request, not a lookup
        TouchpointKind kind = body == null || body.kind() == null ? null : CLIENT_SIGNALS.get(body.kind());
        if (kind == null || !Requests.isStepId(body.stepId())) {
            throw new IllegalArgumentException("kind must be one of " + CLIENT_SIGNALS.keySet() + " and stepId a step id");
        }
        return rateLimit.tryAcquire(token.getSubject()).flatMap(taken -> {
            if (!taken) {
                throw new ProblemException(429, "too-many-signals", "Too many signals", "slow down: at most one signal every 3 seconds");
            }
            // only signals about the caller's own journey (journey-service answers 404 otherwise), and one of its steps
            return steps.journeyWithStep(id, "stepId", body.stepId()).map(journey -> {
                touchpoints.emit(id, kind, body.stepId(), Channel.PORTAL, null, 1);
                return Response.accepted().build();
            });
        });
    }

    @APIResponse(responseCode = "200", ref = COMMAND_ACCEPTED)
    @APIResponse(responseCode = "202", ref = COMMAND_PENDING)
    @APIResponse(responseCode = "409")
    @POST
    @Path("/journeys/{id}/mandates")
    public Uni<Response> grant(@HeaderParam(CommandIds.IDEMPOTENCY_KEY) String key, @PathParam("id") UUID id, Requests.Mandate body) {
        if (body == null || body.site() == null || body.duration() == null) {
            throw new IllegalArgumentException("site and duration are required");
        }
        MandateDuration duration;
        try {
            duration = MandateDuration.valueOf(body.duration());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("duration must be ONE_DAY, ONE_WEEK or ONE_MONTH");
        }
        Actor me = me();
        return sites.requireKnown("site", body.site()).flatMap(known -> journeys.journey(id)).flatMap(journey -> actions.send(me, key,
                (commandId, now) -> new GrantMandate(commandId, id, me, now, body.site(), journey.procedureId(), duration)));
    }

    @APIResponse(responseCode = "200", ref = COMMAND_ACCEPTED)
    @APIResponse(responseCode = "202", ref = COMMAND_PENDING)
    @APIResponse(responseCode = "409")
    @DELETE
    @Path("/journeys/{id}/mandates/{mandateId}")
    public Uni<Response> revoke(@HeaderParam(CommandIds.IDEMPOTENCY_KEY) String key, @PathParam("id") UUID id,
                                @PathParam("mandateId") UUID mandateId) {
        Actor me = me();
        return actions.send(me, key, (commandId, now) -> new RevokeMandate(commandId, id, me, now, mandateId));
    }

    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = JourneyAnswers.AccessLogEntry.class)))
    @GET
    @Path("/journeys/{id}/access-log")
    public Uni<List<JourneyAnswers.AccessLogEntry>> accessLog(@PathParam("id") UUID id) {
        return journeys.accessLog(id);
    }

    /**
     * Makes a journey started for her at a desk or on the phone her own: its resume code and her birth date, with the
     * same rate limits and lock-out as a lookup (429). From then on it is listed with her journeys, whole timeline.
     */
    @APIResponse(responseCode = "200", description = "The journey is hers now", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = JourneyAnswers.LookupResult.class)))
    @APIResponse(responseCode = "404")
    @APIResponse(responseCode = "409")
    @APIResponse(responseCode = "429")
    @POST
    @Path("/journeys/attach")
    public Uni<JourneyAnswers.LookupResult> attach(Requests.ResumeCode body) {
        if (body == null || body.resumeCode() == null || body.resumeCode().isBlank()) {
            throw ProblemException.invalidField("resumeCode", "resumeCode is required: the 8 characters of the receipt");
        }
        if (body.checkValue() == null || body.checkValue().isBlank()) {
            throw ProblemException.invalidField("checkValue", "checkValue is required: the birth date, e.g. 02/11/1951");
        }
        String code = body.resumeCode().replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
        return journeys.attach(Map.of("resumeCode", code, "checkValue", body.checkValue().strip()));
    }

    /**
     * "Télécharger mes données": her person record, journeys (answers, timeline, mandates, access log), the reads of
     * her record, her bookings and the messages sent to her, as JSON (GDPR art. 15 and 20).
     */
    @APIResponse(responseCode = "200", description = "Everything Relais holds about her",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @GET
    @Path("/my-data")
    public Uni<com.fasterxml.jackson.databind.node.ObjectNode> myData() {
        return myData.ofCaller();
    }

    /** "Corriger": her requests to correct her names or birth date, and what became of each. */
    @APIResponse(responseCode = "200", description = "Her correction requests, newest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = CorrectionAnswers.Mine.class)))
    @GET
    @Path("/corrections")
    public Uni<List<CorrectionAnswers.Mine>> corrections() {
        return journeys.myCorrections();
    }

    /** Asks for her names or birth date to be corrected; a counter agent decides on her identity document. */
    @APIResponse(responseCode = "200", description = "Asked", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CorrectionAnswers.Mine.class)))
    @APIResponse(responseCode = "400", description = "An unknown field, or a value to fix")
    @APIResponse(responseCode = "409", description = "No person record linked to her account (no-person-record)")
    @POST
    @Path("/corrections")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<CorrectionAnswers.Mine> askCorrection(CorrectionAnswers.Request request) {
        return journeys.askCorrection(request == null ? new CorrectionAnswers.Request(null, null) : request);
    }

    /** Her consents: each purpose in force or not (since when, through which channel), and every record given and withdrawn. */
    @APIResponse(responseCode = "200", description = "Her consents and their history",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsentAnswers.Mine.class)))
    @GET
    @Path("/consents")
    public Uni<ConsentAnswers.Mine> consents() {
        return journeys.myConsents();
    }

    /** Gives her consent to a purpose: messages-email, messages-sms, messages-letter, calls, surveys. */
    @APIResponse(responseCode = "200", description = "Given (or already in force)", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ConsentAnswers.Mine.class)))
    @APIResponse(responseCode = "400", description = "An unknown purpose (invalid-field)")
    @APIResponse(responseCode = "409", description = "No person record linked to her account (no-person-record), or the purpose's contact is missing (contact-missing)")
    @PUT
    @Path("/consents/{purpose}")
    public Uni<ConsentAnswers.Mine> giveConsent(@PathParam("purpose") String purpose) {
        return journeys.giveConsent(purpose);
    }

    /** Withdraws her consent to a purpose, from now on. */
    @APIResponse(responseCode = "200", description = "Withdrawn (or not in force)", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ConsentAnswers.Mine.class)))
    @APIResponse(responseCode = "400", description = "An unknown purpose (invalid-field)")
    @APIResponse(responseCode = "409", description = "No person record linked to her account (no-person-record)")
    @DELETE
    @Path("/consents/{purpose}")
    public Uni<ConsentAnswers.Mine> withdrawConsent(@PathParam("purpose") String purpose) {
        return journeys.withdrawConsent(purpose);
    }

    /**
     * "Effacer mes données" (GDPR art. 17): every journey no legal retention requires and, when nothing kept needs it,
     * her person record are erased (their keys destroyed); the answer lists what stays and why. Needs
     * {@code {"confirmed": true}}: it cannot be undone.
     */
    @APIResponse(responseCode = "200", description = "What was erased, and what stays with the reason",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErasureAnswers.Outcome.class)))
    @APIResponse(responseCode = "400", description = "Not confirmed")
    @POST
    @Path("/erasure")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ErasureAnswers.Outcome> erasure(ErasureAnswers.Request request) {
        return journeys.erase(request == null ? new ErasureAnswers.Request(null) : request);
    }

    /**
     * After a sign-in through FranceConnect: her certified identity (names, birth date from the provider) finds the
     * person record an agent made for her, or makes one; the answer lists the journeys started for her that wait for
     * their resume code (attach). A password account certifies nothing: 403 identity-not-certified.
     */
    @APIResponse(responseCode = "200", description = "Her person record and the journeys waiting for her",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IdentityAnswers.Link.class)))
    @APIResponse(responseCode = "403", description = "Not signed in through FranceConnect (identity-not-certified)")
    @APIResponse(responseCode = "409", description = "That identity's record is linked to another account (person-linked-elsewhere)")
    @POST
    @Path("/identity")
    public Uni<IdentityAnswers.Link> identity() {
        return journeys.linkIdentity();
    }

    /**
     * "Être rappelé": a call back on the number she gives (or her person record's), in the windows she chose, with her
     * consent; the journey then waits for the phone platform.
     */
    @APIResponse(responseCode = "201", description = "The call back waits in the phone platform's queue",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CallbackAnswers.Entry.class)))
    @APIResponse(responseCode = "409")
    @POST
    @Path("/journeys/{id}/callback")
    public Uni<Response> callback(@PathParam("id") UUID id, CallbackAnswers.Request body) {
        // her own journey first (404 otherwise), so that nobody learns anything of another's from a 400
        return journeys.journey(id).flatMap(journey -> journeys.requestCallback(id, CallbackRequests.checked(body)))
                .map(entry -> Response.status(Response.Status.CREATED).entity(entry).build());
    }

    /**
     * Names a relative or an aidant (someone with a Relais account, by his exact names and birth date) who may act for
     * her on this journey until the mandate ends or she withdraws it (`DELETE …/mandates/{id}`).
     */
    @APIResponse(responseCode = "201", description = "The aidant may act for her on this journey",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PersonAnswers.AidantMandate.class)))
    @APIResponse(responseCode = "404")
    @APIResponse(responseCode = "409")
    @POST
    @Path("/journeys/{id}/aidants")
    public Uni<Response> nameAidant(@PathParam("id") UUID id, PersonAnswers.AidantNaming body) {
        return journeys.nameAidant(id, body).map(named -> Response.status(Response.Status.CREATED).entity(named).build());
    }

    /** The journeys she follows for a relative, as his or her aidant. */
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = JourneyAnswers.Summary.class)))
    @GET
    @Path("/journeys/as-aidant")
    public Uni<List<JourneyAnswers.Summary>> followedAsAidant() {
        return journeys.followedAsAidant();
    }
}
