package fr.relais.notification.api;

import fr.relais.problem.ProblemException;
import fr.relais.security.StaffClaims;
import fr.relais.notification.service.Letters;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The letters a France Services site prints and posts: one batch per day, for the site's own counter agents only.
 * Blocking: the PDF asks journey-service for each address when it is made (addresses are never stored here).
 */
@Path("/letters/{site}")
@RolesAllowed("counter-agent")
@Blocking
public class LetterResource {

    @Inject
    Letters letters;

    @Inject
    JsonWebToken token;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<MessageViews.LetterBatch> batches(@PathParam("site") String site) {
        return letters.batches(ownSite(site));
    }

    @GET
    @Path("/{day}.pdf")
    @Produces("application/pdf")
    public Response pdf(@PathParam("site") String site, @PathParam("day") String day) {
        byte[] pdf = letters.pdf(ownSite(site), day(day));
        return Response.ok(pdf).header("Content-Disposition", "inline; filename=\"courriers-" + site + "-" + day + ".pdf\"")
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("/{day}/posted")
    @Produces(MediaType.APPLICATION_JSON)
    public MessageViews.Posted posted(@PathParam("site") String site, @PathParam("day") String day) {
        LocalDate date = day(day);
        return new MessageViews.Posted(site, day, letters.posted(ownSite(site), date));
    }

    private String ownSite(String site) {
        if (!site.equals(StaffClaims.site(token))) {
            throw ProblemException.forbidden("Ces courriers sont ceux d'un autre site.");
        }
        return site;
    }

    private static LocalDate day(String day) {
        try {
            return LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField("day", "La date doit s'écrire AAAA-MM-JJ.");
        }
    }
}
