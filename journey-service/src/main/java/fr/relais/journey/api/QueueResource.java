package fr.relais.journey.api;

import fr.relais.journey.service.JourneyViews;
import fr.relais.security.StaffClaims;
import fr.relais.journey.service.JourneyReads;
import fr.relais.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;

/** Handoff queues: journeys waiting for an agent. Ids, procedures and steps only, no personal data. */
@Path("/queues")
@Produces(MediaType.APPLICATION_JSON)
public class QueueResource {

    @Inject
    JsonWebToken token;

    @Inject
    JourneyReads reads;

    /** A counter agent sees the desk queue of their own site only. */
    @GET
    @Path("/desk/{site}")
    @RolesAllowed("counter-agent")
    public Uni<List<JourneyViews.QueueEntry>> desk(@PathParam("site") String site) {
        if (!site.equals(StaffClaims.site(token))) {
            throw ProblemException.forbidden("you can only see the queue of your own site");
        }
        return reads.queue("desk", site);
    }

    @GET
    @Path("/phone")
    @RolesAllowed("phone-agent")
    public Uni<List<JourneyViews.QueueEntry>> phone() {
        return reads.queue("phone", null);
    }
}
