package fr.relais.gateway.stub;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Stands in for mediation-service: a case is claimed once; a second claim is its 409 problem. */
@Path("/stub/mediation")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MediationServiceStub {

    private static final Set<UUID> CLAIMED = ConcurrentHashMap.newKeySet();

    /** Journeys whose friction the caller may read (mediation-service decides by pool; tests register them). */
    public static final Set<UUID> FRICTION_VISIBLE = ConcurrentHashMap.newKeySet();

    @GET
    @Path("/journeys/{journeyId}/friction")
    public Response friction(@PathParam("journeyId") UUID journeyId, @HeaderParam("Authorization") String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return Response.status(401).build();
        }
        if (!FRICTION_VISIBLE.contains(journeyId)) {
            return Response.status(404).type("application/problem+json").entity(Map.of("type",
                    "https://relais.example/problems/not-found", "title", "Not found", "status", 404,
                    "detail", "no friction for this journey in your pools")).build();
        }
        // scores are decimals, as mediation-service writes them
        return Response.ok(Map.of("journeyId", journeyId, "score", 12.0, "threshold", 10.0)).build();
    }

    @POST
    @Path("/cases/{id}/claim")
    public Response claim(@PathParam("id") UUID id) {
        if (!CLAIMED.add(id)) {
            return Response.status(409).type("application/problem+json").entity(Map.of("type",
                    "https://relais.example/problems/already-claimed", "title", "Already claimed", "status", 409)).build();
        }
        return Response.ok(Map.of("id", id, "status", "CLAIMED")).build();
    }
}
