package fr.relais.journey.api;

import fr.relais.journey.service.CorrectionViews;
import fr.relais.journey.service.Corrections;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.List;
import java.util.UUID;

/** Counter agents decide citizens' correction requests at the desk, the citizen and her identity document in front of them. */
@Path("/corrections")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("counter-agent")
public class CorrectionResource {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @Inject
    Corrections corrections;

    /** The open requests: ids, fields and dates only. */
    @GET
    public Uni<List<CorrectionViews.Pending>> open() {
        return corrections.open();
    }

    /** One request with her record as it is: logged in her access log. */
    @APIResponse(responseCode = "404", description = "No such open or decided request")
    @GET
    @Path("/{id}")
    public Uni<CorrectionViews.Detail> detail(@PathParam("id") UUID id) {
        return corrections.detail(id, Callers.actor(identity, token));
    }

    @APIResponse(responseCode = "400", description = "Applying without the identity document seen at a desk, or refusing without a reason")
    @APIResponse(responseCode = "404", description = "No such request")
    @APIResponse(responseCode = "409", description = "Already decided (correction-decided), or the corrected identity is another record's (duplicate-person)")
    @POST
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<CorrectionViews.Detail> decide(@PathParam("id") UUID id, CorrectionViews.Decision decision) {
        return corrections.decide(id, decision, Callers.actor(identity, token));
    }
}
