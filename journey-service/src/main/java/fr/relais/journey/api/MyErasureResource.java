package fr.relais.journey.api;

import fr.relais.journey.privacy.ErasureViews;
import fr.relais.journey.privacy.Erasures;
import fr.relais.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** "Effacer mes données": the citizen erases what no legal retention requires; the answer says what stays and why. */
@Path("/persons/me/erasure")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("citizen")
public class MyErasureResource {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @Inject
    Erasures erasures;

    /** She confirms on purpose: an erasure cannot be undone. */
    public record Request(Boolean confirmed) {
    }

    @APIResponse(responseCode = "400", description = "Not confirmed: the body must say {\"confirmed\": true}")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ErasureViews.Outcome> erase(Request request) {
        if (request == null || !Boolean.TRUE.equals(request.confirmed())) {
            throw ProblemException.invalidField("confirmed", "true: an erasure cannot be undone, she confirms it on purpose");
        }
        return erasures.erase(Callers.actor(identity, token));
    }
}
