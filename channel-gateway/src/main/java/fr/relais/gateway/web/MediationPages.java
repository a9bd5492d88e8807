package fr.relais.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.relais.gateway.downstream.MediationServiceClient;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
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
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The mediator console: the pool's cases by priority with their deadlines, a case with why it was opened, and acting on it. */
@Path("/mediation")
@RolesAllowed("mediator")
@Produces(MediaType.TEXT_HTML)
public class MediationPages {

    /** Contact outcomes and case outcomes as mediation-service names them, with their words. */
    static final Map<String, String> CONTACTS = Map.of("reached", "Personne jointe", "no-answer", "Pas de réponse",
            "voicemail", "Message laissé", "callback-planned", "Rappel prévu", "wrong-number", "Mauvais numéro", "note", "Note");
    static final Map<String, String> OUTCOMES = Map.of("helped-online", "Aidée en ligne",
            "booked-desk-appointment", "Rendez-vous au guichet pris", "completed-under-mandate", "Terminée sous mandat",
            "redirected", "Orientée vers un autre service", "could-not-reach", "Injoignable");

    static final Map<String, String> STATUSES = Map.of("open", "Ouvert", "claimed", "Pris en charge", "resolved", "Clos");
    static final Map<String, String> PRIORITIES = Map.of("urgent", "Urgente", "high", "Haute", "normal", "Normale");

    @Inject
    WebSession session;

    @Inject
    @RestClient
    MediationServiceClient mediation;

    @Location("mediation/home.html")
    Template home;

    @Location("mediation/case.html")
    Template casePage;

    @TemplateData
    public record CaseRow(String id, String journeyId, String priority, String status, String what, String reason, String score,
                          String deadline, String claimedBy) {
    }

    @TemplateData
    public record Choice(String value, String label) {
    }

    @GET
    public Uni<TemplateInstance> home(@QueryParam("message") String message) {
        return mediation.queue(null).map(cases -> {
            List<CaseRow> rows = new ArrayList<>();
            for (JsonNode c : cases) {
                rows.add(row(c));
            }
            return home.data("nav", session.nav()).data("cases", rows).data("refused", text(message));
        });
    }

    @GET
    @Path("/dossiers/{id}")
    public Uni<TemplateInstance> mediationCase(@PathParam("id") UUID id, @QueryParam("message") String message) {
        return mediation.caseDetail(id).flatMap(detail -> {
            JsonNode c = detail.path("mediationCase");
            return mediation.friction(UUID.fromString(c.path("journeyId").asText()))
                    .onFailure().recoverWithItem(MissingNode.getInstance())
                    .map(friction -> {
                        List<Views.Line> signals = new ArrayList<>();
                        for (JsonNode s : friction.path("contributions")) {
                            signals.add(new Views.Line(Views.when(s.path("occurredAt").asText()), s.path("kind").asText()
                                    + (s.hasNonNull("stepId") ? " à l'étape " + s.get("stepId").asText() : "")
                                    + " · " + Views.channel(s.path("channel").asText()) + " · " + s.path("points").asText() + " points"));
                        }
                        List<Views.Line> history = new ArrayList<>();
                        for (JsonNode h : detail.path("history")) {
                            history.add(new Views.Line(Views.when(h.path("at").asText()), h.path("action").asText()
                                    + (h.hasNonNull("code") ? " : " + h.get("code").asText() : "")
                                    + (h.hasNonNull("note") ? " — " + h.get("note").asText() : "")));
                        }
                        boolean open = !"resolved".equals(c.path("status").asText());
                        return casePage.data("nav", session.nav()).data("c", row(c)).data("open", open)
                                .data("mine", session.subject().equals(c.path("claimedBy").asText(null)))
                                .data("score", friction.path("score").asText("?")).data("threshold", friction.path("threshold").asText("?"))
                                .data("signals", signals).data("history", history)
                                .data("contacts", choices(CONTACTS)).data("outcomes", choices(OUTCOMES))
                                .data("refused", text(message));
                    });
        });
    }

    @POST
    @Path("/dossiers/{id}/prise-en-charge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> claim(@PathParam("id") UUID id, @RestForm("csrf") String csrf) {
        session.checkCsrf(csrf);
        return act(id, "claim", JsonNodeFactory.instance.objectNode());
    }

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

    private static CaseRow row(JsonNode c) {
        String deadline = c.hasNonNull("nextDeadline") ? Views.when(c.get("nextDeadline").asText()) : "—";
        String priority = c.path("priority").asText();
        String status = c.path("status").asText();
        return new CaseRow(c.path("id").asText(), c.path("journeyId").asText(), PRIORITIES.getOrDefault(priority, priority),
                STATUSES.getOrDefault(status, status),
                c.path("procedureId").asText("") + (c.hasNonNull("stepId") ? " · étape " + c.get("stepId").asText() : ""),
                c.path("reasonCode").asText(""), c.path("score").asText(""), deadline,
                c.hasNonNull("claimedBy") ? "oui" : "non");
    }

    private static List<Choice> choices(Map<String, String> words) {
        return words.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> new Choice(e.getKey(), e.getValue())).toList();
    }

    private static String text(String message) {
        if (message == null) {
            return null;
        }
        return switch (message) {
            case "http-409" -> "Ce dossier a déjà été pris par un autre médiateur, ou son état ne permet pas cette action.";
            case "http-403" -> "Ce dossier n'est pas dans vos pôles, ou vous ne l'avez pas pris en charge.";
            case "http-400" -> "Vérifiez la saisie : l'issue est obligatoire et la note ne doit contenir aucune donnée sensible.";
            default -> message.matches("http-[0-9]{3}") ? "Action impossible pour le moment (" + message + ")." : null;
        };
    }
}
