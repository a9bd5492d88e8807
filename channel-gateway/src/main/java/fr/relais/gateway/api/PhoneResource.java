package fr.relais.gateway.api;

import fr.relais.events.channel.Channel;
import fr.relais.events.journey.Actor;
import fr.relais.events.journey.CallbackOutcomes;
import fr.relais.events.journey.VerifyCaller;
import fr.relais.gateway.commands.CommandIds;
import fr.relais.gateway.commands.CommandResponses;
import fr.relais.gateway.config.GatewayConfig;
import fr.relais.gateway.downstream.NotificationAnswers;
import fr.relais.gateway.downstream.NotificationServiceClient;
import fr.relais.gateway.downstream.CallbackAnswers;
import fr.relais.gateway.downstream.JourneyAnswers;
import fr.relais.gateway.downstream.JourneyServiceClient;
import fr.relais.gateway.downstream.PersonAnswers;
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
import java.util.UUID;

import static fr.relais.gateway.api.OpenApiDocument.*;

/**
 * The phone agent's console: verify the caller (resume code + check value; journey-service locks a code
 * after repeated wrong values), then, during the time box only, read the journey and act on phone steps. A caller
 * without an account is found (or recorded, identity "declared") and her journey started on the call; call backs are
 * taken from their queue and each attempt recorded. Personal data passes through to the agent and is never logged.
 */
@Tag(name = PHONE)
@Path("/api/phone")
@RolesAllowed("phone-agent")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PhoneResource {

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
    PersonJourneys personJourneys;

    @Inject
    GatewayConfig config;

    @Inject
    @RestClient
    NotificationServiceClient notifications;

    private Actor me() {
        return Callers.actor(identity, token, Channel.PHONE);
    }

    @APIResponse(responseCode = "200", ref = COMMAND_ACCEPTED)
    @APIResponse(responseCode = "202", ref = COMMAND_PENDING)
    @APIResponse(responseCode = "404")
    @APIResponse(responseCode = "409")
    @APIResponse(responseCode = "429")
    @POST
    @Path("/verify")
    public Uni<Response> verify(@HeaderParam(CommandIds.IDEMPOTENCY_KEY) String key, Requests.ResumeCode body) {
        if (body == null || body.resumeCode() == null || body.checkValue() == null) {
            throw new IllegalArgumentException("resumeCode and checkValue are required");
        }
        Actor me = me();
        return journeys.lookup(Map.of("resumeCode", body.resumeCode(), "checkValue", body.checkValue()))
                .flatMap(found -> {
                    UUID journeyId = found.journeyId();
                    return actions.send(me, key, (id, now) -> new VerifyCaller(id, journeyId, me, now, now.plus(config.callerVerification())));
                });
    }

    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = JourneyAnswers.QueueEntry.class)))
    @GET
    @Path("/queue")
    public Uni<List<JourneyAnswers.QueueEntry>> queue() {
        return journeys.phoneQueue();
    }

    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = JourneyAnswers.Detail.class)))
    @GET
    @Path("/journeys/{id}")
    public Uni<JourneyAnswers.Detail> journey(@PathParam("id") UUID id) {
        return journeys.journey(id);
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
    @Path("/journeys/{id}/claim")
    public Uni<Response> claim(@HeaderParam(CommandIds.IDEMPOTENCY_KEY) String key, @PathParam("id") UUID id) {
        return actions.claim(me(), key, id);
    }

    /** Back to a completed step, to correct it with the caller (during the time box, as any phone action). */
    @APIResponse(responseCode = "200", ref = COMMAND_ACCEPTED)
    @APIResponse(responseCode = "202", ref = COMMAND_PENDING)
    @APIResponse(responseCode = "409")
    @POST
    @Path("/journeys/{id}/back")
    public Uni<Response> back(@HeaderParam(CommandIds.IDEMPOTENCY_KEY) String key, @PathParam("id") UUID id, Requests.GoBack body) {
        return actions.goBack(me(), key, id, body);
    }

    /** Hands the journey back to the citizen's portal. */
    @APIResponse(responseCode = "200", ref = COMMAND_ACCEPTED)
    @APIResponse(responseCode = "202", ref = COMMAND_PENDING)
    @APIResponse(responseCode = "409")
    @POST
    @Path("/journeys/{id}/release")
    public Uni<Response> release(@HeaderParam(CommandIds.IDEMPOTENCY_KEY) String key, @PathParam("id") UUID id) {
        return actions.release(me(), key, id);
    }

    /** Records a caller as she declares herself (not checked: no document is seen on a call). */
    @APIResponse(responseCode = "201", description = "The person recorded, identity declared",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PersonAnswers.Person.class)))
    @APIResponse(responseCode = "400", description = "invalid-person: each field to fix in errors[{field, message}]")
    @APIResponse(responseCode = "409", description = "duplicate-person: search for her instead")
    @POST
    @Path("/persons")
    public Uni<Response> createPerson(PersonAnswers.Draft body) {
        if (body == null) {
            throw ProblemException.invalidField("body", "a person is required: givenNames, familyName, birthDate");
        }
        return journeys.createPerson(body).map(person -> Response.status(201).entity(person).build());
    }

    /** An exact search (names and full birth date), never a list of look-alikes; journey-service logs it. */
    @APIResponse(responseCode = "200", description = "The person and her live journeys",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PersonAnswers.Person.class)))
    @APIResponse(responseCode = "400", description = "invalid-person: names and birth date are required")
    @APIResponse(responseCode = "404", description = "person-not-found")
    @POST
    @Path("/persons/search")
    public Uni<PersonAnswers.Person> searchPerson(PersonAnswers.Search body) {
        if (body == null) {
            throw ProblemException.invalidField("body", "givenNames, familyName and birthDate are required");
        }
        return journeys.searchPerson(body);
    }

    /**
     * Gives or withdraws one of her consents on her word (messages-email, messages-sms, messages-letter, calls,
     * surveys), for a person this agent found or recorded in the last half hour (journey-service's rule).
     */
    @APIResponse(responseCode = "200", description = "The person, her consents as they are now", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PersonAnswers.Person.class)))
    @APIResponse(responseCode = "400", description = "An unknown purpose (invalid-field)")
    @APIResponse(responseCode = "404", description = "Not a person this agent found in the last half hour (person-not-found)")
    @APIResponse(responseCode = "409", description = "The purpose's contact is missing (contact-missing)")
    @PUT
    @Path("/persons/{id}/consents/{purpose}")
    public Uni<PersonAnswers.Person> givePersonConsent(@PathParam("id") UUID id, @PathParam("purpose") String purpose) {
        return journeys.givePersonConsent(id, purpose);
    }

    /** Withdraws one of her consents on her word, from now on. */
    @APIResponse(responseCode = "200", description = "The person, her consents as they are now", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PersonAnswers.Person.class)))
    @APIResponse(responseCode = "400", description = "An unknown purpose (invalid-field)")
    @APIResponse(responseCode = "404", description = "Not a person this agent found in the last half hour (person-not-found)")
    @DELETE
    @Path("/persons/{id}/consents/{purpose}")
    public Uni<PersonAnswers.Person> withdrawPersonConsent(@PathParam("id") UUID id, @PathParam("purpose") String purpose) {
        return journeys.withdrawPersonConsent(id, purpose);
    }

    /**
     * Starts a journey for the caller, claimed by this agent with the call verified (journey-service's rule), so that
     * she acts on the phone steps at once. A new person is recorded first; the journey id is derived from the
     * Idempotency-Key, as on the portal.
     */
    @APIResponse(responseCode = "200", ref = COMMAND_ACCEPTED)
    @APIResponse(responseCode = "202", ref = COMMAND_PENDING)
    @APIResponse(responseCode = "400", description = "procedureId missing or unknown, neither or both of personId and person, invalid person")
    @APIResponse(responseCode = "404", description = "unknown-procedure")
    @APIResponse(responseCode = "409", description = "duplicate-person, or the start refused (unknown-person)")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused for another request")
    @POST
    @Path("/journeys")
    public Uni<Response> start(@HeaderParam(CommandIds.IDEMPOTENCY_KEY) String key, PhoneRequests.StartJourney body) {
        // the desk's start, as is: procedure checked before a new person is recorded (no orphan record), same refusals
        return personJourneys.start(me(), key, body == null ? null : new PersonJourneys.Start(body.procedureId(), body.personId(),
                body.person())).map(CommandResponses::of);
    }

    /** The call backs to make, by due time; a number only on the ones this agent took. */
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = CallbackAnswers.Entry.class)))
    @GET
    @Path("/callbacks")
    public Uni<List<CallbackAnswers.Entry>> callbacks() {
        return journeys.callbacks();
    }

    /** Takes a call back for a while (journey-service's rule), with the number to call. */
    @APIResponse(responseCode = "200", description = "The call back with the number", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CallbackAnswers.Entry.class)))
    @APIResponse(responseCode = "404", description = "no waiting call back")
    @APIResponse(responseCode = "409", description = "callback-taken: a colleague is calling")
    @POST
    @Path("/callbacks/{id}/take")
    public Uni<CallbackAnswers.Entry> take(@PathParam("id") UUID id) {
        return journeys.takeCallback(id);
    }

    /** What came of the call: reached (the agent acts on the journey, as after a verified call) or not. */
    @APIResponse(responseCode = "200", description = "The attempt recorded", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CallbackAnswers.AttemptResult.class)))
    @APIResponse(responseCode = "400", description = "outcome missing or unknown")
    @APIResponse(responseCode = "404", description = "no waiting call back")
    @APIResponse(responseCode = "409", description = "callback-not-taken: take it first")
    @POST
    @Path("/callbacks/{id}/attempts")
    public Uni<CallbackAnswers.AttemptResult> attempt(@PathParam("id") UUID id, CallbackAnswers.Attempt body) {
        if (body == null || !CallbackOutcomes.isKnown(body.outcome())) {
            throw ProblemException.invalidField("outcome", "outcome must be one of " + CallbackOutcomes.all());
        }
        return journeys.callbackAttempt(id, body);
    }

    /**
     * Whether the journey's citizen was written to (reminded, told of a call back…): codes and times only, never the text
     * nor where it went. The journey is read first, so that only staff with a reason on it (journey-service's rule:
     * claim, presence, verified call, mandate, mediation case) learn anything of its messages; 404 otherwise.
     */
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = NotificationAnswers.JourneyMessage.class)))
    @GET
    @Path("/journeys/{id}/messages")
    public Uni<List<NotificationAnswers.JourneyMessage>> messages(@PathParam("id") UUID id) {
        return journeys.journey(id).flatMap(journey -> notifications.ofJourney(id));
    }
}
