package fr.relais.gateway.api;

import fr.relais.security.StaffClaims;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import fr.relais.events.channel.Channel;
import fr.relais.events.journey.Actor;
import fr.relais.events.journey.RecordPresence;
import fr.relais.gateway.commands.CommandIds;
import fr.relais.gateway.commands.CommandResponses;
import fr.relais.gateway.downstream.NotificationAnswers;
import fr.relais.gateway.downstream.NotificationServiceClient;
import fr.relais.gateway.downstream.AppointmentServiceClient;
import fr.relais.gateway.downstream.BookingAnswers;
import fr.relais.gateway.downstream.CallbackAnswers;
import fr.relais.gateway.downstream.PersonAnswers;
import fr.relais.gateway.web.receipt.JourneyReceipts;
import fr.relais.gateway.downstream.JourneyAnswers;
import fr.relais.gateway.downstream.CorrectionAnswers;
import fr.relais.gateway.downstream.JourneyServiceClient;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
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

/** The counter agent's screen at a France Services site: the site's queue, check-in, claim, act, release. */
@Tag(name = DESK)
@Path("/api/desk")
@RolesAllowed("counter-agent")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DeskResource {

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
    @RestClient
    AppointmentServiceClient appointments;

    @Inject
    PersonJourneys personJourneys;

    @Inject
    JourneyReceipts receipts;

    @Inject
    @RestClient
    NotificationServiceClient notifications;

    private Actor me() {
        return Callers.actor(identity, token, Channel.DESK);
    }

    private String site() {
        String site = StaffClaims.site(token);
        if (site == null) {
            throw new ProblemException(403, "no-site", "No site", "your account has no site; ask an administrator");
        }
        return site;
    }

    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = JourneyAnswers.QueueEntry.class)))
    @GET
    @Path("/queue")
    public Uni<List<JourneyAnswers.QueueEntry>> queue() {
        return journeys.deskQueue(site());
    }

    /** Today's (or a given day's) appointments at my site. */
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = BookingAnswers.Booking.class)))
    @GET
    @Path("/day-sheet")
    public Uni<List<BookingAnswers.Booking>> daySheet(@QueryParam("date") String date) {
        return appointments.daySheet(site(), date);
    }

    /**
     * The citizen is here, found by resume code + check value. With an appointment today at this site, the
     * booking is checked in (appointment-service emits checked-in, which journey-service turns into presence).
     * A walk-in, or a citizen outside their booking's check-in window (early or late) whom the agent serves now,
     * has their presence recorded directly; the answer then says why, so the agent can move or cancel the booking.
     */
    @APIResponse(responseCode = "200", description = "The citizen is checked in (appointment) or served as a walk-in",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CheckedIn.class)))
    @APIResponse(responseCode = "202", ref = COMMAND_PENDING)
    @APIResponse(responseCode = "404")
    @APIResponse(responseCode = "409")
    @APIResponse(responseCode = "429")
    @POST
    @Path("/check-in")
    public Uni<Response> checkIn(@HeaderParam(CommandIds.IDEMPOTENCY_KEY) String key, Requests.ResumeCode body) {
        if (body == null || body.resumeCode() == null || body.checkValue() == null) {
            throw new IllegalArgumentException("resumeCode and checkValue are required");
        }
        Actor me = me();
        String site = site();
        return journeys.lookup(Map.of("resumeCode", body.resumeCode(), "checkValue", body.checkValue()))
                .flatMap(found -> {
                    UUID journeyId = found.journeyId();
                    return appointments.checkIn(Map.of("journeyId", journeyId))
                            .map(booking -> Response.ok(new CheckedIn(journeyId, "appointment", booking, null)).build())
                            .onFailure(DeskResource::servedWithoutCheckIn).recoverWithUni(refusal ->
                                    actions.send(me, key, (id, now) -> new RecordPresence(id, journeyId, me, now, site, "desk-check-in"))
                                            .map(recorded -> walkIn(recorded, journeyId, refusal)));
                });
    }

    /**
     * A checked-in citizen: via {@code appointment} (the booking now attended) or {@code walk-in} (presence recorded
     * directly; {@code appointmentNote} says why the booking, if any, was not checked in).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CheckedIn(UUID journeyId, String via, BookingAnswers.Booking booking, String appointmentNote) {
    }

    /** No booking today (404), or one whose check-in window is not open now (409): the agent serves them anyway. */
    private static boolean servedWithoutCheckIn(Throwable failure) {
        return failure instanceof WebApplicationException web
                && (web.getResponse().getStatus() == 404 || web.getResponse().getStatus() == 409);
    }

    private static Response walkIn(Response recorded, UUID journeyId, Throwable refusal) {
        if (recorded.getStatus() != 200) {
            return recorded; // the presence command itself was refused: that problem is the answer
        }
        return Response.ok(new CheckedIn(journeyId, "walk-in", null, appointmentNote((WebApplicationException) refusal))).build();
    }

    private static String appointmentNote(WebApplicationException refusal) {
        try {
            String detail = refusal.getResponse().readEntity(JsonNode.class).path("detail").asText("");
            return detail.isBlank() ? "no appointment today at this site" : detail;
        } catch (RuntimeException unreadable) {
            return "no appointment today at this site";
        }
    }

    @APIResponse(responseCode = "200", ref = COMMAND_ACCEPTED)
    @APIResponse(responseCode = "202", ref = COMMAND_PENDING)
    @APIResponse(responseCode = "409")
    @POST
    @Path("/journeys/{id}/claim")
    public Uni<Response> claim(@HeaderParam(CommandIds.IDEMPOTENCY_KEY) String key, @PathParam("id") UUID id) {
        return actions.claim(me(), key, id);
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
    @Path("/journeys/{id}/back")
    public Uni<Response> back(@HeaderParam(CommandIds.IDEMPOTENCY_KEY) String key, @PathParam("id") UUID id, Requests.GoBack body) {
        return actions.goBack(me(), key, id, body);
    }

    /** Back to the citizen, who resumes online where the desk left off. */
    @APIResponse(responseCode = "200", ref = COMMAND_ACCEPTED)
    @APIResponse(responseCode = "202", ref = COMMAND_PENDING)
    @APIResponse(responseCode = "409")
    @POST
    @Path("/journeys/{id}/release")
    public Uni<Response> release(@HeaderParam(CommandIds.IDEMPOTENCY_KEY) String key, @PathParam("id") UUID id) {
        return actions.release(me(), key, id);
    }

    /**
     * Records a citizen without an account after the agent checked an identity document (identity "checked").
     * journey-service checks every field (400 invalid-person, each error with its field) and refuses a second record
     * of the same names and birth date (409 duplicate-person).
     */
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PersonAnswers.Person.class)))
    @APIResponse(responseCode = "409")
    @POST
    @Path("/persons")
    public Uni<Response> createPerson(PersonAnswers.Draft body) {
        if (body == null) {
            throw ProblemException.invalidField("body", "a person record is required: givenNames, familyName, birthDate…");
        }
        site();
        return journeys.createPerson(body).map(person -> Response.status(Response.Status.CREATED).entity(person).build());
    }

    /** Citizens' open requests to correct their identity: ids, fields and dates only. */
    @APIResponse(responseCode = "200", description = "Open requests, oldest first", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = CorrectionAnswers.Pending.class)))
    @GET
    @Path("/corrections")
    public Uni<List<CorrectionAnswers.Pending>> corrections() {
        site();
        return journeys.openCorrections();
    }

    /** One request with her record as it is, the citizen in front of the agent; logged in her access log. */
    @APIResponse(responseCode = "200", description = "The request", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CorrectionAnswers.Detail.class)))
    @APIResponse(responseCode = "404")
    @GET
    @Path("/corrections/{id}")
    public Uni<CorrectionAnswers.Detail> correction(@PathParam("id") UUID id) {
        site();
        return journeys.correction(id);
    }

    /** Applies the correction on the identity document she shows, or refuses it with a reason; logged. */
    @APIResponse(responseCode = "200", description = "Decided", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CorrectionAnswers.Detail.class)))
    @APIResponse(responseCode = "400", description = "Applied without the identity document, or refused without a reason")
    @APIResponse(responseCode = "404")
    @APIResponse(responseCode = "409", description = "Already decided, or the corrected identity is another record's")
    @POST
    @Path("/corrections/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<CorrectionAnswers.Detail> decideCorrection(@PathParam("id") UUID id, CorrectionAnswers.Decision decision) {
        site();
        return journeys.decideCorrection(id, decision == null ? new CorrectionAnswers.Decision(null, null, null) : decision);
    }

    /** A person by exact names and full birth date (never a list of near matches), with her live journeys; logged. */
    @APIResponse(responseCode = "200", description = "Found", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PersonAnswers.Person.class)))
    @APIResponse(responseCode = "404")
    @POST
    @Path("/persons/search")
    public Uni<PersonAnswers.Person> searchPerson(PersonAnswers.Search body) {
        if (body == null) {
            throw ProblemException.invalidField("body", "givenNames, familyName and birthDate are required");
        }
        site();
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
        site();
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
        site();
        return journeys.withdrawPersonConsent(id, purpose);
    }

    /**
     * Starts a journey for a citizen at the counter: for a person found by a search ({@code personId}) or recorded
     * now ({@code person}, recorded first). journey-service has the agent hold it at once, with the citizen present
     * at the agent's site. Answered like every command, with the new journey's id.
     */
    @APIResponse(responseCode = "200", ref = COMMAND_ACCEPTED)
    @APIResponse(responseCode = "202", ref = COMMAND_PENDING)
    @APIResponse(responseCode = "409")
    @POST
    @Path("/journeys")
    public Uni<Response> start(@HeaderParam(CommandIds.IDEMPOTENCY_KEY) String key, PersonJourneys.Start body) {
        PersonJourneys.check(body);
        site();
        return personJourneys.start(me(), key, body).map(CommandResponses::of);
    }

    /** What the citizen takes home: resume code, start, where the journey stands, her name (personal data). */
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PersonAnswers.Receipt.class)))
    @GET
    @Path("/journeys/{id}/receipt")
    public Uni<PersonAnswers.Receipt> receipt(@PathParam("id") UUID id) {
        return journeys.receipt(id);
    }

    /** The same receipt as a PDF in large type, to print or to send; never cached (it carries a name and a code). */
    @APIResponse(responseCode = "200", description = "The receipt, A4, in French", content = @Content(mediaType = "application/pdf",
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "409")
    @GET
    @Path("/journeys/{id}/receipt.pdf")
    @Produces("application/pdf")
    public Uni<Response> receiptPdf(@PathParam("id") UUID id) {
        return receipts.pdf(id).map(DeskResource::pdf);
    }

    /** The PDF answer: shown in the browser (inline), never stored on the way. */
    public static Response pdf(byte[] document) {
        return Response.ok(document, "application/pdf")
                .header("Content-Disposition", "inline; filename=\"recu-relais.pdf\"")
                .header("Cache-Control", "no-store").build();
    }

    /**
     * The citizen asks to be called back (the agent holding her journey types it in): on the person record's number
     * when {@code phone} is blank, in the windows she chose; the journey then waits for the phone platform.
     */
    @APIResponse(responseCode = "201", description = "The call back waits in the phone platform's queue",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CallbackAnswers.Entry.class)))
    @APIResponse(responseCode = "409")
    @POST
    @Path("/journeys/{id}/callback")
    public Uni<Response> callback(@PathParam("id") UUID id, CallbackAnswers.Request body) {
        // the journey first (404 when the agent has no reason on it), so that a stranger learns nothing from a 400
        return journeys.journey(id).flatMap(journey -> journeys.requestCallback(id, CallbackRequests.checked(body)))
                .map(entry -> Response.status(Response.Status.CREATED).entity(entry).build());
    }

    /**
     * The citizen at the desk names her aidant (a relative or helper with a Relais account, by his exact names and birth
     * date) through the agent holding her journey: he may act for her on it online until the mandate ends.
     */
    @APIResponse(responseCode = "201", description = "The aidant may act for the citizen on this journey",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PersonAnswers.AidantMandate.class)))
    @APIResponse(responseCode = "404")
    @APIResponse(responseCode = "409")
    @POST
    @Path("/journeys/{id}/aidants")
    public Uni<Response> nameAidant(@PathParam("id") UUID id, PersonAnswers.AidantNaming body) {
        return journeys.nameAidant(id, body).map(named -> Response.status(Response.Status.CREATED).entity(named).build());
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
