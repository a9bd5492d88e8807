package fr.relais.gateway.web;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.relais.gateway.downstream.JourneyServiceClient;
import fr.relais.gateway.downstream.MediationAnswers;
import fr.relais.gateway.downstream.MediationServiceClient;
import fr.relais.gateway.downstream.NotificationServiceClient;
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
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.util.UUID;

import static fr.relais.gateway.api.OpenApiDocument.*;

/** The mediator console: the pool's cases by priority with their deadlines, a case with why it was opened, and acting on it. */
@Tag(name = MEDIATION)
@Path("/mediation")
@RolesAllowed("mediator")
@Produces(MediaType.TEXT_HTML)
public class MediationPages {

    @Inject
    WebSession session;

    @Inject
    @RestClient
    MediationServiceClient mediation;

    /** How to reach the citizen: journey-service's contact read, with the mediator's token (logged in her access log). */
    @Inject
    @RestClient
    JourneyServiceClient journeys;

    /** Whether the citizen was written to (reminded, told a mediator tries to reach her): codes and times only. */
    @Inject
    @RestClient
    NotificationServiceClient notifications;

    @Location("mediation/home.html")
    Template home;

    @Location("mediation/case.html")
    Template casePage;

    @APIResponse(responseCode = "200", description = "The page", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @GET
    public Uni<TemplateInstance> home(@QueryParam("message") String message) {
        return mediation.queue(null).map(cases -> home.data("nav", session.nav())
                .data("cases", cases.stream().map(MediationViews::row).toList()).data("refused", MediationViews.refusal(message)));
    }

    @APIResponse(responseCode = "200", description = "The page", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @GET
    @Path("/dossiers/{id}")
    public Uni<TemplateInstance> mediationCase(@PathParam("id") UUID id, @QueryParam("message") String message) {
        return mediation.caseDetail(id).flatMap(detail -> {
            MediationAnswers.Case c = detail.mediationCase();
            // without the explanation the case still opens: its score shows as "?"; without the contact read, it says so
            Uni<MediationAnswers.Friction> friction = mediation.friction(c.journeyId()).onFailure().recoverWithNull();
            Uni<MediationViews.ContactBlock> contact = journeys.contact(c.journeyId()).map(MediationViews::contact)
                    .onFailure().recoverWithItem(MediationViews::contactRefused);
            // the journey read first: its messages only with the mediator's reason on it (a case of her pools)
            Uni<MessageViews.Block> sent = journeys.journey(c.journeyId())
                    .flatMap(journey -> MessageViews.sentAbout(notifications, c.journeyId()))
                    .onFailure().recoverWithItem(MessageViews::unavailable);
            return Uni.combine().all().unis(friction, contact, sent).asTuple().map(both -> casePage
                    .data("nav", session.nav()).data("c", MediationViews.row(c)).data("open", !"resolved".equals(c.status()))
                    .data("mine", session.subject().equals(c.claimedBy()))
                    .data("score", MediationViews.figure(both.getItem1(), false))
                    .data("threshold", MediationViews.figure(both.getItem1(), true))
                    .data("signals", MediationViews.signals(both.getItem1())).data("history", MediationViews.history(detail))
                    .data("reach", both.getItem2()).data("sent", both.getItem3())
                    .data("contacts", MediationViews.choices(MediationViews.CONTACTS))
                    .data("outcomes", MediationViews.choices(MediationViews.OUTCOMES))
                    .data("refused", MediationViews.refusal(message)));
        });
    }

    @APIResponse(responseCode = "303", description = "Post/redirect/get: the page again, with a message when something was refused")
    @POST
    @Path("/dossiers/{id}/prise-en-charge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> claim(@PathParam("id") UUID id, @RestForm("csrf") String csrf) {
        session.checkCsrf(csrf);
        return act(id, "claim", JsonNodeFactory.instance.objectNode());
    }

    @APIResponse(responseCode = "303", description = "Post/redirect/get: the page again, with a message when something was refused")
    @POST
    @Path("/dossiers/{id}/contact")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> contact(@PathParam("id") UUID id, @RestForm("csrf") String csrf, @RestForm("outcome") String outcome,
                                 @RestForm("note") String note) {
        session.checkCsrf(csrf);
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("outcome", outcome);
        if (note != null && !note.isBlank()) {
            body.put("note", note.strip());
        }
        return act(id, "contacts", body);
    }

    @APIResponse(responseCode = "303", description = "Post/redirect/get: the page again, with a message when something was refused")
    @POST
    @Path("/dossiers/{id}/resolution")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> resolve(@PathParam("id") UUID id, @RestForm("csrf") String csrf, @RestForm("outcome") String outcome) {
        session.checkCsrf(csrf);
        return act(id, "resolve", JsonNodeFactory.instance.objectNode().put("outcome", outcome));
    }

    private Uni<Response> act(UUID id, String action, ObjectNode body) {
        String page = "/mediation/dossiers/" + id;
        return mediation.act(id, action, body).map(done -> Response.seeOther(URI.create(page)).build())
                .onFailure(WebApplicationException.class).recoverWithItem(failure -> Response.seeOther(URI.create(page
                        + "?message=http-" + ((WebApplicationException) failure).getResponse().getStatus())).build());
    }
}
