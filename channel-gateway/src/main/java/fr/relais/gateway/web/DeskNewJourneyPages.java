package fr.relais.gateway.web;

import fr.relais.events.channel.Channel;
import fr.relais.gateway.api.PersonJourneys;
import fr.relais.gateway.commands.CommandResult;
import fr.relais.gateway.downstream.JourneyServiceClient;
import fr.relais.gateway.downstream.PersonAnswers;
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

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.relais.gateway.api.OpenApiDocument.DESK;

/**
 * "Nouvelle démarche pour un usager": the counter agent finds the citizen (exact names and birth date) or records
 * her after checking an identity document, chooses the procedure and starts it; the receipt comes next. Searches and
 * records go by POST: names and birth dates never travel in a URL.
 */
@Tag(name = DESK)
@Path("/guichet/nouvelle-demarche")
@RolesAllowed("counter-agent")
@Produces(MediaType.TEXT_HTML)
public class DeskNewJourneyPages {

    @Inject
    WebSession session;

    @Inject
    @RestClient
    JourneyServiceClient journeys;

    @Inject
    PersonJourneys personJourneys;

    @Location("desk/new-journey.html")
    Template page;

    @APIResponse(responseCode = "200", description = "The search form", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @GET
    public TemplateInstance form(@QueryParam("message") String message) {
        session.site();
        return base().data("refused", ProblemMessages.text(message));
    }

    @APIResponse(responseCode = "200", description = "The person found, or the form to record her", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "422", description = "The search again, each field to correct with its message", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @POST
    @Path("/recherche")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Object> search(MultivaluedMap<String, String> form) {
        session.checkCsrf(form.getFirst("csrf"));
        session.site();
        Map<String, String> values = PersonForm.values(form);
        return journeys.searchPerson(PersonForm.searchOf(form)).flatMap(this::found).map(found -> (Object) found)
                .onFailure(Refusal::isRefusal).recoverWithItem(failure -> {
                    Refusal refusal = Refusal.of(failure).orElseThrow();
                    if (refusal.status() == 404) {
                        // nobody with exactly these names and birth date: say so, and offer to record her
                        return base().data("search", PersonForm.search(PersonForm.DESK, values, Map.of())).data("notFound", true)
                                .data("creating", true).data("form", PersonForm.fields(PersonForm.DESK, values));
                    }
                    Map<String, String> errors = refusal.fieldErrors();
                    return StepSubmission.refused(base().data("search", PersonForm.search(PersonForm.DESK, values, errors))
                            .data("searchErrors", PersonForm.searchErrors(PersonForm.DESK, values, errors))
                            .data("refused", errors.isEmpty() ? ProblemMessages.text(refusal.code()) : null));
                });
    }

    @APIResponse(responseCode = "200", description = "The person recorded, and the procedure to start", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "422", description = "The form again, each field to correct with its message", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @POST
    @Path("/usager")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Object> create(MultivaluedMap<String, String> form) {
        session.checkCsrf(form.getFirst("csrf"));
        session.site();
        if (!"oui".equals(form.getFirst(PersonForm.IDENTITY_CHECKED))) {
            // nothing is recorded before the agent says she saw an identity document
            return Uni.createFrom().item(creationAgain(form, Map.of(PersonForm.IDENTITY_CHECKED,
                    "Cochez cette case une fois la pièce d'identité vérifiée."), null));
        }
        return journeys.createPerson(PersonForm.draft(form))
                .flatMap(person -> found(person).map(recorded -> (Object) recorded
                        .data("info", "La fiche est enregistrée (identité vérifiée). Choisissez la démarche à commencer.")))
                .onFailure(Refusal::isRefusal).recoverWithItem(failure -> {
                    Refusal refusal = Refusal.of(failure).orElseThrow();
                    return creationAgain(form, refusal.fieldErrors(), refusal.fieldErrors().isEmpty() || refusal.status() == 409
                            ? ProblemMessages.text(refusal.code()) : null);
                });
    }

    /** Gives or withdraws one of her consents on her word ({@code choix}: donner:&lt;purpose&gt; or retirer:&lt;purpose&gt;). */
    @APIResponse(responseCode = "200", description = "The person again, her consents as they are now", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @POST
    @Path("/usager/{id}/accords")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Object> consent(@PathParam("id") UUID id, @RestForm("csrf") String csrf, @RestForm("choix") String choice) {
        session.checkCsrf(csrf);
        session.site();
        StaffConsentChoice chosen = StaffConsentChoice.of(choice);
        return (chosen.give() ? journeys.givePersonConsent(id, chosen.purpose()) : journeys.withdrawPersonConsent(id, chosen.purpose()))
                .flatMap(person -> found(person).map(page -> (Object) page.data("info", StaffConsentChoice.DONE)))
                .onFailure(Refusal::isRefusal).recoverWithItem(failure ->
                        base().data("refused", ProblemMessages.text(Refusal.of(failure).orElseThrow().code())));
    }

    @APIResponse(responseCode = "303", description = "Post/redirect/get: the receipt of the new journey, or the form again with a message when it was refused")
    @POST
    @Path("/demarrage")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> start(@RestForm("csrf") String csrf, @RestForm("key") String key, @RestForm("personId") String personId,
                               @RestForm("procedureId") String procedureId) {
        session.checkCsrf(csrf);
        session.site();
        UUID person;
        try {
            person = UUID.fromString(personId == null ? "" : personId);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().item(PostRedirectGet.to("/guichet/nouvelle-demarche", "person-required"));
        }
        if (procedureId == null || procedureId.isBlank()) {
            return Uni.createFrom().item(PostRedirectGet.to("/guichet/nouvelle-demarche", "procedure-required"));
        }
        return personJourneys.requireProcedure(procedureId)
                .flatMap(known -> personJourneys.start(session.actor(Channel.DESK), key, procedureId, person))
                .map(DeskNewJourneyPages::afterStart)
                .onFailure(Refusal::isRefusal).recoverWithItem(failure -> {
                    Refusal refusal = Refusal.of(failure).orElseThrow();
                    return PostRedirectGet.to("/guichet/nouvelle-demarche",
                            refusal.fieldErrors().containsKey("procedureId") ? "unknown-procedure" : refusal.code());
                });
    }

    /** Accepted (or still being decided): the receipt; refused: the form again, saying why. */
    private static Response afterStart(CommandResult result) {
        String refusal = CommandMessages.refusal(result);
        return refusal == null ? PostRedirectGet.to("/guichet/demarches/" + result.journeyId() + "/recu", null)
                : PostRedirectGet.to("/guichet/nouvelle-demarche", refusal);
    }

    private TemplateInstance base() {
        return withDefaults(page.instance(), session.nav());
    }

    /** Every value the page reads, empty: each state (search, not found, found, errors) then sets its own. */
    static TemplateInstance withDefaults(TemplateInstance page, WebSession.Nav nav) {
        return page.data("nav", nav).data("formKey", WebSession.formKey())
                .data("search", PersonForm.search(PersonForm.DESK, Map.of(), Map.of())).data("searchErrors", List.of())
                .data("notFound", false).data("creating", false).data("person", null).data("refused", null).data("info", null)
                .data("procedures", List.of()).data("form", null).data("identityCheckedError", null);
    }

    /** The person's card, her live journeys in words, and the procedures to start. */
    private Uni<TemplateInstance> found(PersonAnswers.Person person) {
        return journeys.procedures().map(all -> {
            Map<String, StepForm.Procedure> procedures = PortalViews.procedures(all);
            return base().data("person", PersonForm.card(person, procedures))
                    .data("procedures", PersonForm.procedureOptions(procedures));
        });
    }

    private Object creationAgain(MultivaluedMap<String, String> form, Map<String, String> errors, String message) {
        return StepSubmission.refused(base().data("search", PersonForm.search(PersonForm.DESK, PersonForm.values(form), Map.of()))
                .data("creating", true).data("form", PersonForm.fields(PersonForm.DESK, form, errors))
                .data("identityCheckedError", errors.get(PersonForm.IDENTITY_CHECKED))
                .data("refused", message));
    }
}
