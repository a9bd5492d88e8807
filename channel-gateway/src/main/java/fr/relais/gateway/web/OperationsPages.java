package fr.relais.gateway.web;

import fr.relais.gateway.downstream.AppointmentServiceClient;
import fr.relais.gateway.downstream.BookingAnswers;
import fr.relais.gateway.downstream.ExperienceAnswers;
import fr.relais.gateway.downstream.MediationServiceClient;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.List;

import static fr.relais.gateway.api.OpenApiDocument.COMMON;

/**
 * The operations pages (issue 21, realm role ops): the sites' workload (journeys handled, claims, agent-hours, claims per
 * agent-hour, the wait after a hand-off) and the training needs their agents' difficulty flags point to. Read from
 * mediation-service with the caller's own token, like the owners' pages: mediation-service decides who may read it
 * (ops and admin), and hides every site under its minimum of journeys; its refusal is a sentence on the page.
 */
@Tag(name = COMMON)
@Path("/exploitation")
@RolesAllowed("ops")
@Produces(MediaType.TEXT_HTML)
public class OperationsPages {

    /** The period read, in days (mediation-service's default too). */
    static final int DAYS = 90;

    static final String TITLE = "Charge des sites et besoins de formation";
    static final String REFUSED = "Ces chiffres sont réservés à l'exploitation : votre compte n'y a pas accès. "
            + "Adressez-vous à votre administrateur si vous en avez besoin.";
    static final String UNAVAILABLE = "Les chiffres des sites ne peuvent pas être affichés pour le moment : réessayez dans "
            + "quelques minutes.";

    @Inject
    WebSession session;

    @Inject
    @RestClient
    MediationServiceClient mediation;

    /** The sites' names (any signed-in caller may read them). */
    @Inject
    @RestClient
    AppointmentServiceClient appointments;

    @Location("operations/sites.html")
    Template sitesPage;

    @APIResponse(responseCode = "200", description = "The page", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "403", description = "A page saying these figures are not open to the caller",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "503", description = "The same page, saying the figures cannot be read for the moment",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @GET
    @Path("/sites")
    public Uni<Response> sites() {
        // the sites' names when appointment-service answers; their ids otherwise
        Uni<List<BookingAnswers.Site>> names = appointments.sites(null).onFailure().recoverWithItem(List.of());
        return Uni.combine().all().unis(mediation.sites(DAYS), names).asTuple()
                .map(all -> Response.ok(page(sitesPage.data("nav", session.nav()), all.getItem1(), all.getItem2())).build())
                .onFailure().recoverWithItem(failure -> refused(failure, sitesPage.data("nav", session.nav())));
    }

    /** The page from mediation-service's answer: a row per site shown, the sites hidden said in words, the training needs. */
    static TemplateInstance page(TemplateInstance page, ExperienceAnswers.SiteWorkload workload, List<BookingAnswers.Site> sites) {
        return page.data("title", TITLE).data("refused", null)
                .data("since", ExperienceViews.since(workload.since())).data("k", workload.minCellSize())
                .data("sites", ExperienceViews.sites(workload.sites(), ExperienceViews.siteNames(sites)))
                .data("hiddenNote", ExperienceViews.hiddenSites(workload.hiddenSites(), workload.minCellSize()));
    }

    /**
     * mediation-service's refusal (403 for anyone but ops and admin, or any other problem it answers) is a 403 page
     * saying the figures are not open to this account; no answer at all (down, too slow) a 503 page saying to come back
     * later: a sentence either way, never a problem document.
     */
    static Response refused(Throwable failure, TemplateInstance page) {
        boolean refusal = Refusal.of(failure).isPresent();
        return Response.status(refusal ? 403 : 503).entity(page.data("title", TITLE).data("refused", refusal ? REFUSED : UNAVAILABLE))
                .build();
    }
}
