package fr.relais.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import fr.relais.events.channel.Channel;
import fr.relais.events.journey.CommandOutcome;
import fr.relais.gateway.api.DeskResource;
import fr.relais.gateway.api.JourneyActions;
import fr.relais.gateway.api.Requests;
import fr.relais.gateway.downstream.AppointmentServiceClient;
import fr.relais.gateway.downstream.JourneyServiceClient;
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
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The counter agent's screen: the site's queue and day sheet, check-in by resume code, claim, act, release. */
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

    /** The API's check-in (appointment or walk-in), reused as is: one rule for both screens. */
    @Inject
    DeskResource desk;

    @Location("desk/home.html")
    Template home;

    @Location("desk/journey.html")
    Template journeyPage;

    /** A row of the queue or of the day sheet, already in words. */
    @io.quarkus.qute.TemplateData
    public record Row(String journeyId, String what, String detail, String since) {
    }

    @GET
    public Uni<TemplateInstance> home(@QueryParam("message") String message) {
        String site = session.site();
        return Uni.combine().all().unis(journeys.deskQueue(site),
                        appointments.daySheet(site, null).onFailure().recoverWithItem(com.fasterxml.jackson.databind.node.MissingNode.getInstance()))
                .asTuple().map(both -> {
                    List<Row> queue = new ArrayList<>();
                    for (JsonNode entry : both.getItem1()) {
                        queue.add(new Row(entry.path("journeyId").asText(), entry.path("procedureId").asText(),
                                entry.path("currentStep").asText("") + " · motif : " + entry.path("reasonCode").asText(""),
                                Views.when(entry.path("waitingSince").asText())));
                    }
                    List<Row> day = new ArrayList<>();
                    JsonNode bookings = both.getItem2().has("bookings") ? both.getItem2().get("bookings") : both.getItem2();
                    for (JsonNode booking : bookings) {
                        day.add(new Row(booking.path("journeyId").asText(""), booking.path("motif").asText(booking.path("motifId").asText("")),
                                booking.path("status").asText(""), Views.when(booking.path("startsAt").asText())));
                    }
                    return home.data("nav", session.nav()).data("site", site).data("queue", queue).data("day", day)
                            .data("refused", CommandMessages.text(message)).data("formKey", WebSession.formKey());
                });
    }

    /** The citizen is at the counter: found by resume code and check field, then their journey opens. */
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

    @GET
    @Path("/demarches/{id}")
    public Uni<TemplateInstance> journey(@PathParam("id") UUID id, @QueryParam("message") String message) {
        return page(id, Map.of(), Map.of(), CommandMessages.text(message));
    }

    @POST
    @Path("/demarches/{id}/prise-en-charge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> claim(@PathParam("id") UUID id, @RestForm("csrf") String csrf, @RestForm("key") String key) {
        session.checkCsrf(csrf);
        return actions.decide(session.actor(Channel.DESK), key, (commandId, now) ->
                        new fr.relais.events.journey.ClaimJourney(commandId, id, session.actor(Channel.DESK), now))
                .map(result -> see("/guichet/demarches/" + id, CommandMessages.refusal(result)));
    }

    @POST
    @Path("/demarches/{id}/etapes/{stepId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Object> submit(@PathParam("id") UUID id, @PathParam("stepId") String stepId, MultivaluedMap<String, String> form) {
        session.checkCsrf(form.getFirst("csrf"));
        Map<String, String> answers = PortalPages.answers(form);
        return actions.submitStep(session.actor(Channel.DESK), form.getFirst("key"), id, stepId, answers).flatMap(result -> {
            if (!result.pending() && CommandOutcome.REASON_FIELD_INVALID.equals(result.outcome().reason())) {
                Map<String, String> errors = new HashMap<>();
                result.outcome().fieldErrors().forEach(error -> errors.putIfAbsent(error.field(), Views.fieldMessage(error.rule())));
                return page(id, answers, errors, CommandMessages.text(CommandMessages.refusal(result)))
                        .map(page -> (Object) Response.status(422).entity(page).build());
            }
            return Uni.createFrom().item((Object) see("/guichet/demarches/" + id, CommandMessages.refusal(result)));
        });
    }

    /** Back to the citizen, who continues online where the desk left off. */
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
        return journeys.journey(id).flatMap(journey -> journeys.procedure(journey.path("procedureId").asText()).map(definition -> {
            Views.Procedure procedure = Views.procedure(definition);
            String current = journey.path("currentStep").asText(null);
            JsonNode step = current == null ? null : Views.stepJson(definition, current);
            boolean mine = journey.path("claim").path("mine").asBoolean(false);
            Map<String, Map<String, String>> answers = Views.answers(journey);
            List<Row> data = new ArrayList<>();
            answers.forEach((stepId, fields) -> fields.forEach((name, value) ->
                    data.add(new Row(stepId, procedure.stepTitle(stepId), name, value))));
            Map<String, String> shown = values.isEmpty() ? answers.getOrDefault(current, Map.of()) : values;
            return journeyPage.data("nav", session.nav()).data("id", id.toString()).data("procedure", procedure)
                    .data("status", journey.path("status").asText()).data("statusLabel", Views.status(journey.path("status").asText()))
                    .data("mine", mine).data("accessReason", journey.path("accessReason").asText(""))
                    .data("step", step == null ? null : new Views.Step(current, procedure.stepTitle(current), Views.fields(step, shown, errors)))
                    .data("errorCount", errors.size()).data("refused", message)
                    .data("timeline", Views.timeline(journey, procedure)).data("data", data).data("formKey", WebSession.formKey());
        }));
    }

    private static Response see(String path, String reason) {
        String query = reason == null ? "" : "?message=" + URLEncoder.encode(reason, StandardCharsets.UTF_8);
        return Response.seeOther(URI.create(path + query)).build();
    }
}
