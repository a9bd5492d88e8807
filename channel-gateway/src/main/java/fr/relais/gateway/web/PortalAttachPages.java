package fr.relais.gateway.web;

import fr.relais.gateway.api.PortalResource;
import fr.relais.gateway.api.Requests;
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
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;

import static fr.relais.gateway.api.OpenApiDocument.PORTAL;

/**
 * "Rattacher une démarche": a citizen who now has an account makes a journey started for her at a desk or on the
 * phone her own, with the resume code of her receipt and her birth date (rate-limited and locked out like a lookup).
 */
@Tag(name = PORTAL)
@Path("/portail/rattacher")
@RolesAllowed("citizen")
@Produces(MediaType.TEXT_HTML)
public class PortalAttachPages {

    /** The message code of the journey page once the journey is hers. */
    static final String ATTACHED = "rattachee";

    @Inject
    WebSession session;

    /** The API's attach, reused as is: one set of checks for both. */
    @Inject
    PortalResource portal;

    @Location("portal/attach.html")
    Template page;

    @APIResponse(responseCode = "200", description = "The page", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @GET
    public TemplateInstance form(@QueryParam("message") String message) {
        return page.data("nav", session.nav()).data("refused", text(message));
    }

    @APIResponse(responseCode = "303", description = "Post/redirect/get: the journey, now hers, or this page again saying why not")
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> attach(@RestForm("csrf") String csrf, @RestForm("resumeCode") String resumeCode,
                                @RestForm("checkValue") String checkValue) {
        session.checkCsrf(csrf);
        return Uni.createFrom().deferred(() -> portal.attach(new Requests.ResumeCode(resumeCode, checkValue)))
                .map(found -> PostRedirectGet.to("/portail/demarches/" + found.journeyId(), ATTACHED))
                .onFailure(Refusal::isRefusal)
                .recoverWithItem(failure -> PostRedirectGet.to("/portail/rattacher", Refusal.of(failure).orElseThrow().code()));
    }

    /** Each refusal in words she can act on; a wrong code and a wrong date read the same, so codes cannot be probed. */
    static String text(String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "no-match", "invalid-lookup", "invalid-field" ->
                    "Code de reprise ou date de naissance incorrects : vérifiez le code sur votre reçu (8 caractères) et votre date de naissance (jj/mm/aaaa).";
            case "too-many-lookups" -> ProblemMessages.text(code);
            case "resume-code-locked" ->
                    "Ce code de reprise est bloqué après plusieurs essais incorrects : adressez-vous à un guichet France Services ou à la plateforme téléphonique.";
            case "already-attached" -> "Cette démarche est déjà rattachée à un compte.";
            case "person-linked-elsewhere" ->
                    "Cette démarche appartient à une personne rattachée à un autre compte : adressez-vous à un guichet France Services.";
            default -> CommandMessages.text(code);
        };
    }
}
