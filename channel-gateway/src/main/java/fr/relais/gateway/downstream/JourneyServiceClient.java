package fr.relais.gateway.downstream;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.Map;
import java.util.UUID;

/**
 * journey-service's query API. The caller's own token is propagated (Authorization header), so
 * journey-service applies its rules to the real caller. Bodies stay JSON trees: the gateway relays them.
 */
@RegisterRestClient(configKey = "journey-service")
@RegisterClientHeaders
@Produces(MediaType.APPLICATION_JSON)
public interface JourneyServiceClient {

    @GET
    @Path("/procedures")
    Uni<JsonNode> procedures();

    @GET
    @Path("/procedures/{id}")
    Uni<JsonNode> procedure(@PathParam("id") String id);

    /** The version a journey pinned: its steps never change, whatever the current version says. */
    @GET
    @Path("/procedures/{id}/versions/{version}")
    Uni<JsonNode> procedureVersion(@PathParam("id") String id, @PathParam("version") int version);

    @GET
    @Path("/journeys/mine")
    Uni<JsonNode> mine();

    @GET
    @Path("/journeys/{id}")
    Uni<JsonNode> journey(@PathParam("id") UUID id);

    /**
     * The journey read with a token the caller gave earlier, for checks made outside their request (a live stream's
     * re-checks): there is no request then whose header could be propagated.
     */
    @GET
    @Path("/journeys/{id}")
    Uni<JsonNode> journeyWithToken(@PathParam("id") UUID id, @HeaderParam("Authorization") String authorization);

    @GET
    @Path("/journeys/{id}/access-log")
    Uni<JsonNode> accessLog(@PathParam("id") UUID id);

    @POST
    @Path("/journeys/lookup")
    Uni<JsonNode> lookup(Map<String, String> request);

    @GET
    @Path("/queues/desk/{site}")
    Uni<JsonNode> deskQueue(@PathParam("site") String site);

    @GET
    @Path("/queues/phone")
    Uni<JsonNode> phoneQueue();
}
