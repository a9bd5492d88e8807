package fr.relais.notification.downstream;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.UUID;

/**
 * journey-service's journey read, asked with the staff member's own token: whether she may see the journey is
 * journey-service's decision (a verified call, presence at her site, a case of her pool), and her read is logged
 * there. No service token here: this is her request, not the service's.
 */
@RegisterRestClient(configKey = "journey-service")
@Path("/journeys")
public interface JourneyAccessClient {

    @GET
    @Path("/{id}")
    Uni<Response> journey(@PathParam("id") UUID journeyId, @HeaderParam("Authorization") String authorization);
}
