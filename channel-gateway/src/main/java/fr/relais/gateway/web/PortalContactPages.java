package fr.relais.gateway.web;

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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import static fr.relais.gateway.api.OpenApiDocument.PORTAL;

/**
 * "Comment vous joindre": her e-mail, mobile phone and postal address, and on which of them she accepts messages
 * (unchecking one opts out of it). journey-service keeps them and checks each field; its errors show field by field.
 */
@Tag(name = PORTAL)
@Path("/portail/contact")
@RolesAllowed("citizen")
@Produces(MediaType.TEXT_HTML)
public class PortalContactPages {

    @Inject
    WebSession session;

    @Inject
    @RestClient
    JourneyServiceClient journeys;

    @Location("portal/contact.html")
    Template page;

    @APIResponse(responseCode = "200", description = "The page", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @GET
    public Uni<TemplateInstance> form(@QueryParam("message") String message) {
        return journeys.myContact().map(contact -> page(ContactForm.of(contact), !contact.hasPerson(), message));
    }

    @APIResponse(responseCode = "303", description = "Post/redirect/get: the page again, saying it is recorded or why not")
    @APIResponse(responseCode = "422", description = "The form again, each refused field with its message",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Object> change(MultivaluedMap<String, String> form) {
        session.checkCsrf(form.getFirst("csrf"));
        // whether her record exists decides whether the birth date is part of the change: journey-service's answer, not the form's
        return journeys.myContact().flatMap(contact -> {
            boolean creating = !contact.hasPerson();
            return journeys.changeMyContact(ContactForm.change(form, creating))
                    .map(saved -> (Object) PostRedirectGet.to("/portail/contact", ContactForm.SAVED))
                    .onFailure(Refusal::isRefusal).recoverWithItem(failure -> {
                        Refusal refusal = Refusal.of(failure).orElseThrow();
                        if (refusal.status() == 400 && !refusal.fieldErrors().isEmpty()) {
                            return StepSubmission.refused(page(ContactForm.typed(form, refusal.fieldErrors(), creating), creating, null));
                        }
                        return PostRedirectGet.to("/portail/contact", refusal.code());
                    });
        });
    }

    private TemplateInstance page(ContactForm.Fields fields, boolean creating, String message) {
        return page.data("nav", session.nav()).data("form", fields).data("creating", creating)
                .data("saved", ContactForm.SAVED.equals(message)).data("duplicate", "duplicate-person".equals(message)).data("refused", ContactForm.refusal(message));
    }
}
