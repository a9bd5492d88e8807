package fr.relais.journey.api;

import fr.relais.journey.service.JourneyViews;
import fr.relais.journey.service.JourneyReads;
import fr.relais.journey.service.ResumeCodeLookup;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

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

    @POST
    @Path("/lookup")
    @RolesAllowed({"phone-agent", "counter-agent", "mediator"})
    public Uni<JourneyViews.LookupResult> lookup(JourneyViews.LookupRequest request) {
        return lookup.lookup(request, Callers.actor(identity, token));
    }
}
