package fr.relais.mediation.downstream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;
import java.util.UUID;

/**
 * journey-service's routing read: the skill codes a journey's citizen needs, never who she is. Called with this
 * service's own token (client credentials, {@code quarkus.oidc-client}), which carries the {@code routing-reader}
 * role and journey-service's audience. Timeouts in application.properties ({@code quarkus.rest-client.journey-service}).
 */
@RegisterRestClient(configKey = "journey-service")
@OidcClientFilter
@Path("/journeys")
@Produces(MediaType.APPLICATION_JSON)
public interface JourneyRoutingClient {

    @GET
    @Path("/{id}/routing")
    Uni<Routing> routing(@PathParam("id") UUID journeyId);

    /** @param requiredSkills codes such as langue-arabe, handicap-visuel; empty when none is needed */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Routing(List<String> requiredSkills) {
    }
}
