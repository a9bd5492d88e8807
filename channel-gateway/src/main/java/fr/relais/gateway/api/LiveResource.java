package fr.relais.gateway.api;

import fr.relais.gateway.downstream.JourneyServiceClient;
import fr.relais.gateway.live.LiveUpdates;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Server-sent events for one journey: its owner's screen, or the screen of a staff member allowed to read
 * it. journey-service decides, with the caller's token, before the stream opens (a stream cannot change
 * its status once started, hence the filter).
 */
@Path("/api/journeys")
@Authenticated
public class LiveResource {

    private static final Pattern LIVE_PATH = Pattern.compile("/api/journeys/([0-9a-fA-F-]{36})/live");

    @Inject
    @RestClient
    JourneyServiceClient journeys;

    @Inject
    LiveUpdates live;

    @GET
    @Path("/{id}/live")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<LiveUpdates.Update> live(@PathParam("id") UUID id) {
        return live.of(id);
    }

    @ServerRequestFilter
    public Uni<Response> mayWatch(ContainerRequestContext request) {
        Matcher matcher = LIVE_PATH.matcher(request.getUriInfo().getPath());
        if (!matcher.matches() || request.getHeaderString("Authorization") == null) {
            return Uni.createFrom().nullItem(); // not a live stream, or no token: the security layer answers 401
        }
        return journeys.journey(UUID.fromString(matcher.group(1)))
                .map(allowed -> (Response) null)
                .onFailure(WebApplicationException.class).recoverWithItem(e -> {
                    int status = ((WebApplicationException) e).getResponse().getStatus();
                    return ApiProblem.response(status, status == 404 ? "not-found" : "http-" + status,
                            "You cannot follow this journey", null, request.getUriInfo().getPath());
                });
    }
}
