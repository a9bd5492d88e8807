package fr.relais.gateway.downstream;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * journey-service's query API. The caller's own token is propagated (Authorization header), so
 * journey-service applies its rules to the real caller. Answers are read into the gateway's own records
 * ({@link JourneyAnswers}, {@link ProcedureAnswers}).
 */
@RegisterRestClient(configKey = "journey-service")
@RegisterClientHeaders
@Timeout
@CircuitBreaker
@Produces(MediaType.APPLICATION_JSON)
public interface JourneyServiceClient {

    @GET
    @Retry
    @Path("/procedures")
    Uni<List<ProcedureAnswers.Procedure>> procedures();

    @GET
    @Retry
    @Path("/procedures/{id}")
    Uni<ProcedureAnswers.Procedure> procedure(@PathParam("id") String id);

    /** The version a journey pinned: its steps never change, whatever the current version says. */
    @GET
    @Retry
    @Path("/procedures/{id}/versions/{version}")
    Uni<ProcedureAnswers.Procedure> procedureVersion(@PathParam("id") String id, @PathParam("version") int version);

    /** A decided command's outcome as journey-service stored it (the contract's JSON); 404 unless the caller issued it. */
    @GET
    @Retry
    @Path("/commands/{id}")
    Uni<String> commandOutcome(@PathParam("id") UUID id);

    @GET
    @Retry
    @Path("/journeys/mine")
    Uni<List<JourneyAnswers.Summary>> mine();

    @GET
    @Retry
    @Path("/journeys/{id}")
    Uni<JourneyAnswers.Detail> journey(@PathParam("id") UUID id);

    /**
     * The journey read with a token the caller gave earlier, for checks made outside their request (a live stream's
     * re-checks): there is no request then whose header could be propagated.
     */
    @GET
    @Retry
    @Path("/journeys/{id}")
    Uni<JourneyAnswers.Detail> journeyWithToken(@PathParam("id") UUID id, @HeaderParam("Authorization") String authorization);

    @GET
    @Retry
    @Path("/journeys/{id}/access-log")
    Uni<List<JourneyAnswers.AccessLogEntry>> accessLog(@PathParam("id") UUID id);

    @POST
    @Path("/journeys/lookup")
    Uni<JourneyAnswers.LookupResult> lookup(Map<String, String> request);

    @GET
    @Retry
    @Path("/queues/desk/{site}")
    Uni<List<JourneyAnswers.QueueEntry>> deskQueue(@PathParam("site") String site);

    @GET
    @Retry
    @Path("/queues/phone")
    Uni<List<JourneyAnswers.QueueEntry>> phoneQueue();

    @POST
    @Path("/persons")
    Uni<PersonAnswers.Person> createPerson(PersonAnswers.Draft draft);

    @POST
    @Path("/persons/search")
    Uni<PersonAnswers.Person> searchPerson(PersonAnswers.Search search);

    @GET
    @Retry
    @Path("/journeys/{id}/receipt")
    Uni<PersonAnswers.Receipt> receipt(@PathParam("id") UUID id);

    @GET
    @Retry
    @Path("/journeys/{id}/contact")
    Uni<PersonAnswers.Contact> contact(@PathParam("id") UUID id);

    /** Everything journey-service holds about her (person, journeys with answers, timelines, access logs), as it sends it. */
    @GET
    @Path("/persons/me/data")
    Uni<com.fasterxml.jackson.databind.node.ObjectNode> myData();

    @GET
    @Path("/persons/me/corrections")
    Uni<List<CorrectionAnswers.Mine>> myCorrections();

    @POST
    @Path("/persons/me/corrections")
    Uni<CorrectionAnswers.Mine> askCorrection(CorrectionAnswers.Request request);

    @PUT
    @Path("/persons/{id}/consents/{purpose}")
    Uni<PersonAnswers.Person> givePersonConsent(@PathParam("id") UUID id, @PathParam("purpose") String purpose);

    @DELETE
    @Path("/persons/{id}/consents/{purpose}")
    Uni<PersonAnswers.Person> withdrawPersonConsent(@PathParam("id") UUID id, @PathParam("purpose") String purpose);

    @GET
    @Path("/persons/me/consents")
    Uni<ConsentAnswers.Mine> myConsents();

    @PUT
    @Path("/persons/me/consents/{purpose}")
    Uni<ConsentAnswers.Mine> giveConsent(@PathParam("purpose") String purpose);

    @DELETE
    @Path("/persons/me/consents/{purpose}")
    Uni<ConsentAnswers.Mine> withdrawConsent(@PathParam("purpose") String purpose);

    @GET
    @Path("/corrections")
    Uni<List<CorrectionAnswers.Pending>> openCorrections();

    @GET
    @Path("/corrections/{id}")
    Uni<CorrectionAnswers.Detail> correction(@PathParam("id") UUID id);

    @POST
    @Path("/corrections/{id}/decision")
    Uni<CorrectionAnswers.Detail> decideCorrection(@PathParam("id") UUID id, CorrectionAnswers.Decision decision);

    /** "Effacer mes données": erases what no legal retention requires; 400 unless confirmed. */
    @POST
    @Path("/persons/me/erasure")
    Uni<ErasureAnswers.Outcome> erase(ErasureAnswers.Request request);

    /** A FranceConnect sign-in's certified identity meets her person record (idempotent). */
    @POST
    @Path("/persons/me/identity")
    Uni<IdentityAnswers.Link> linkIdentity();

    /** Resume code + check value of a journey started for the citizen at a desk or on the phone. */
    @POST
    @Path("/journeys/attach")
    Uni<JourneyAnswers.LookupResult> attach(Map<String, String> request);

    @POST
    @Path("/journeys/{id}/callbacks")
    Uni<CallbackAnswers.Entry> requestCallback(@PathParam("id") UUID id, CallbackAnswers.Request request);

    @GET
    @Retry
    @Path("/callbacks")
    Uni<List<CallbackAnswers.Entry>> callbacks();

    @POST
    @Path("/callbacks/{id}/take")
    Uni<CallbackAnswers.Entry> takeCallback(@PathParam("id") UUID id);

    @POST
    @Path("/callbacks/{id}/attempts")
    Uni<CallbackAnswers.AttemptResult> callbackAttempt(@PathParam("id") UUID id, CallbackAnswers.Attempt attempt);

    @POST
    @Path("/journeys/{id}/aidants")
    Uni<PersonAnswers.AidantMandate> nameAidant(@PathParam("id") UUID id, PersonAnswers.AidantNaming naming);

    @GET
    @Retry
    @Path("/journeys/as-aidant")
    Uni<List<JourneyAnswers.Summary>> followedAsAidant();

    /** The citizen's own contact details and message consents. */
    @GET
    @Retry
    @Path("/persons/me/contact")
    Uni<ContactAnswers.MyContact> myContact();

    /** Replaces them (400 invalid-contact field by field, 409 duplicate-person when her record would repeat another). */
    @PUT
    @Path("/persons/me/contact")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<ContactAnswers.MyContact> changeMyContact(ContactAnswers.ContactChange change);
}
