package fr.relais.journey.api;

import fr.relais.journey.service.Aidants;
import fr.relais.journey.domain.Roles;
import fr.relais.journey.service.CallbackViews;
import fr.relais.journey.service.Callbacks;
import fr.relais.journey.service.JourneyAttachments;
import fr.relais.journey.service.JourneyViews;
import fr.relais.journey.service.PersonReads;
import fr.relais.journey.service.PersonViews;
import fr.relais.journey.service.ReceiptView;
import fr.relais.journey.service.RecipientReads;
import fr.relais.journey.service.JourneyReads;
import fr.relais.journey.service.ResumeCodeLookup;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
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
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.List;
import java.util.UUID;

/** Journey reads for the gateway, called with the caller's own token. */
@Path("/journeys")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class JourneyResource {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @Inject
    JourneyReads reads;

    @Inject
    ResumeCodeLookup lookup;

    @Inject
    JourneyAttachments attachments;

    @Inject
    PersonReads people;

    @Inject
    Callbacks callbacks;

    @Inject
    RecipientReads recipients;

    @Inject
    Aidants aidants;

    @GET
    @Path("/mine")
    @RolesAllowed("citizen")
    public Uni<List<JourneyViews.Summary>> mine() {
        return reads.mine(Callers.actor(identity, token));
    }

    @GET
    @Path("/{id}")
    public Uni<JourneyViews.Detail> detail(@PathParam("id") UUID id) {
        return reads.detail(id, Callers.actor(identity, token), Callers.pools(identity, token));
    }

    @GET
    @Path("/{id}/access-log")
    @RolesAllowed("citizen")
    public Uni<List<JourneyViews.AccessLogEntry>> accessLog(@PathParam("id") UUID id) {
        return reads.accessLog(id, Callers.actor(identity, token));
    }

    /** A citizen makes a journey started for her at a desk or on the phone her own (resume code + birth date). */
    @APIResponse(responseCode = "409", description = "The journey already belongs to an account")
    @APIResponse(responseCode = "429", description = "Too many attempts, or the resume code is locked")
    @POST
    @Path("/attach")
    @RolesAllowed("citizen")
    public Uni<JourneyViews.LookupResult> attach(JourneyViews.LookupRequest request) {
        return attachments.attach(request, Callers.actor(identity, token));
    }

    /** What the agent hands the citizen: resume code and where the journey stands. */
    @GET
    @Path("/{id}/receipt")
    public Uni<ReceiptView> receipt(@PathParam("id") UUID id) {
        return people.receipt(id, Callers.actor(identity, token), Callers.pools(identity, token));
    }

    /** How a mediator of the case may reach the citizen: consented channels, language, needs. */
    @GET
    @Path("/{id}/contact")
    @RolesAllowed({"mediator", "counter-agent", "phone-agent"})
    public Uni<PersonViews.Contact> contact(@PathParam("id") UUID id) {
        return people.contact(id, Callers.actor(identity, token), Callers.pools(identity, token));
    }

    /**
     * The mediator skills a journey's citizen needs (codes only), for mediation-service's routing of a case. Only for a
     * token with the realm role routing-reader: mediation-service's service account (client credentials).
     */
    @GET
    @Path("/{id}/routing")
    @RolesAllowed(Roles.ROUTING_READER)
    public Uni<PersonViews.Routing> routing(@PathParam("id") UUID id) {
        // the access log names the reading service: the client the token was issued to
        return people.routing(id, Callers.client(token));
    }

    /**
     * How to reach a journey's citizen when a message is sent to her: names, the contact of each channel she consented
     * to, her language. Only for a token with the realm role notifier: notification-service's service account (client
     * credentials). A journey without a person record answers with no contact and no consent, not 404.
     */
    @GET
    @Path("/{id}/recipient")
    @RolesAllowed(Roles.NOTIFIER)
    public Uni<PersonViews.Recipient> recipient(@PathParam("id") UUID id) {
        return recipients.recipient(id, Callers.client(token));
    }

    /** The citizen (online, or the agent holding the journey) asks to be called back. */
    @APIResponse(responseCode = "201", description = "The call back waits in the phone platform's queue")
    @APIResponse(responseCode = "409", description = "A call back or a handoff already waits")
    @POST
    @Path("/{id}/callbacks")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"citizen", "counter-agent", "phone-agent"})
    public Uni<Response> requestCallback(@PathParam("id") UUID id, CallbackViews.Request request) {
        return callbacks.request(id, request, Callers.actor(identity, token))
                .map(entry -> Response.status(Response.Status.CREATED).entity(entry).build());
    }

    /** The citizen (online, or at the desk through the agent holding her journey) names her aidant. */
    @APIResponse(responseCode = "201", description = "The aidant may act for her on this journey until the mandate ends")
    @APIResponse(responseCode = "404", description = "No person with an account matches the aidant's names and birth date")
    @POST
    @Path("/{id}/aidants")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"citizen", "counter-agent"})
    public Uni<Response> nameAidant(@PathParam("id") UUID id, Aidants.Naming naming) {
        return aidants.name(id, naming, Callers.actor(identity, token))
                .map(named -> Response.status(Response.Status.CREATED).entity(named).build());
    }

    /** The journeys the caller follows for someone else, as her aidant. */
    @GET
    @Path("/as-aidant")
    @RolesAllowed("citizen")
    public Uni<List<JourneyViews.Summary>> followedAsAidant() {
        return aidants.followed(Callers.actor(identity, token));
    }

    @POST
    @Path("/lookup")
    @RolesAllowed({"phone-agent", "counter-agent", "mediator"})
    public Uni<JourneyViews.LookupResult> lookup(JourneyViews.LookupRequest request) {
        return lookup.lookup(request, Callers.actor(identity, token));
    }
}
